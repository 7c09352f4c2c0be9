using NnViz.Engine;

namespace NnViz.Lab.Experiments.Common;

/// <summary>Row samples shared by the experiment kinds (points drawn per frame, probe sets, projection samples).</summary>
public static class Sampling
{
    /// <summary>A sample of about n row indices with the classes in equal shares, in ascending index order.</summary>
    public static int[] Stratified(int[] labels, int n, Rng rng)
    {
        if (n >= labels.Length) return [.. Enumerable.Range(0, labels.Length)];
        var classes = labels.Distinct().Order().ToArray();
        var picked = new List<int>();
        foreach (var c in classes)
        {
            var idx = Enumerable.Range(0, labels.Length).Where(i => labels[i] == c).ToArray();
            rng.Shuffle<int>(idx);
            picked.AddRange(idx.Take(n / classes.Length));
        }
        picked.Sort();
        return [.. picked];
    }

    /// <summary>The given rows of a row-major matrix with <paramref name="cols"/> columns, in the given order.</summary>
    public static float[] Rows(float[] x, int[] rows, int cols)
    {
        var r = new float[rows.Length * cols];
        for (int i = 0; i < rows.Length; i++) Array.Copy(x, (long)rows[i] * cols, r, (long)i * cols, cols);
        return r;
    }
}
