using System.Globalization;
using System.Text;
using NnViz.Engine;

namespace NnViz.Data;

/// <summary>How much of a vocabulary pre-trained vectors cover, by word type and by corpus token.</summary>
public sealed record EmbeddingCoverage(int Words, int Found, int FoundLowercase, long Tokens, long TokensFound, IReadOnlyList<string> TopMissing)
{
    public double WordCoverage => Words == 0 ? 0 : (double)Found / Words;
    public double TokenCoverage => Tokens == 0 ? 0 : (double)TokensFound / Tokens;

    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"words with a vector: {Found}/{Words} ({100 * WordCoverage:F1} %, {FoundLowercase} via lower case)\n");
        sb.Append(CultureInfo.InvariantCulture, $"corpus tokens covered: {TokensFound}/{Tokens} ({100 * TokenCoverage:F1} %)\n");
        if (TopMissing.Count > 0) sb.Append("most frequent missing: ").Append(string.Join(", ", TopMissing)).Append('\n');
        return sb.ToString();
    }
}

/// <summary>An embedding matrix for a vocabulary: Rows = vocabulary size, row-major, and its coverage.</summary>
public sealed record EmbeddingMatrix(float[] Weights, int Rows, int Dim, EmbeddingCoverage Coverage);

public static class EmbeddingAlignment
{
    /// <summary>
    /// Rows of <paramref name="vectors"/> for each id of <paramref name="vocabulary"/> (exact word, else its lower
    /// case). Padding is zero; the OOV row and words without a vector get N(0, sd²) with sd the standard deviation of
    /// all pre-trained values (so they sit at the same scale), from <paramref name="rng"/>, in id order.
    /// </summary>
    public static EmbeddingMatrix Align(WordVectors vectors, Vocabulary vocabulary, Rng rng, int topMissing = 20)
    {
        Dictionary<string, int> index = vectors.Index();
        int rows = vocabulary.Size, dim = vectors.Dim;
        var w = new float[rows * dim];
        double sd = StandardDeviation(vectors.Vectors);
        int found = 0, lower = 0, words = 0;
        long tokens = 0, tokensFound = 0;
        var missing = new List<string>();
        for (int id = 1; id < rows; id++)
        {
            bool isWord = id != vocabulary.OovId;
            string word = vocabulary.Words[id];
            int row = -1;
            if (isWord && index.TryGetValue(word, out int exact)) row = exact;
            else if (isWord && index.TryGetValue(word.ToLowerInvariant(), out int folded)) { row = folded; lower++; }
            if (isWord) { words++; tokens += vocabulary.Counts[id]; }
            if (isWord && row >= 0)
            {
                vectors.Vector(row).CopyTo(w.AsSpan(id * dim, dim));
                found++;
                tokensFound += vocabulary.Counts[id];
                continue;
            }
            if (isWord && missing.Count < topMissing) missing.Add(word);
            for (int d = 0; d < dim; d++) w[id * dim + d] = (float)(sd * rng.NextGaussian());
        }
        return new EmbeddingMatrix(w, rows, dim, new EmbeddingCoverage(words, found, lower, tokens, tokensFound, missing));
    }

    private static double StandardDeviation(float[] values)
    {
        double mean = 0, sq = 0;
        foreach (float v in values) mean += v;
        mean /= Math.Max(1, values.Length);
        foreach (float v in values) sq += (v - mean) * (v - mean);
        return Math.Sqrt(sq / Math.Max(1, values.Length));
    }
}
