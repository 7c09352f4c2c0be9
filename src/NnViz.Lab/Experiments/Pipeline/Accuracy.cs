namespace NnViz.Lab.Experiments.Pipeline;

/// <summary>Classification accuracy, the one definition every kind uses.</summary>
public static class Accuracy
{
    /// <summary>Keras' binary accuracy: the share of outputs on the same side of 0.5 as their 0/1 target (multi-label outputs averaged).</summary>
    public static double Binary(float[] p, float[] y)
    {
        int right = 0;
        for (int i = 0; i < p.Length; i++) right += (p[i] >= 0.5f) == (y[i] >= 0.5f) ? 1 : 0;
        return (double)right / p.Length;
    }

    /// <summary>Binary accuracy against integer 0/1 labels.</summary>
    public static double Binary(float[] p, int[] labels) => (double)(labels.Length - Misclassified(p, labels).Length) / labels.Length;

    /// <summary>The rows whose thresholded probability (&gt;= 0.5 means class 1) differs from the label, ascending.</summary>
    public static int[] Misclassified(float[] p, int[] labels) => [.. Enumerable.Range(0, labels.Length).Where(i => Predicted(p[i]) != labels[i])];

    /// <summary>The class a probability predicts: 1 from 0.5 up.</summary>
    public static int Predicted(float p) => p >= 0.5f ? 1 : 0;

    /// <summary>The share of rows (rows x classes scores) whose highest score (ties: the lower class) is the label.</summary>
    public static double Categorical(float[] p, int rows, int[] labels)
    {
        int k = p.Length / rows, right = 0;
        for (int i = 0; i < rows; i++) right += ArgMax(p.AsSpan(i * k, k)) == labels[i] ? 1 : 0;
        return (double)right / rows;
    }

    /// <summary>Index of the largest value, the first of equal ones.</summary>
    public static int ArgMax(ReadOnlySpan<float> v)
    {
        int best = 0;
        for (int i = 1; i < v.Length; i++) if (v[i] > v[best]) best = i;
        return best;
    }
}
