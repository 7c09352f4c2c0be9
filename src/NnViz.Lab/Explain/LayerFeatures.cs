using NnViz.Engine.Nn;

namespace NnViz.Lab.Explain;

/// <summary>
/// The three spaces the write-up projects (seed 004, figure 2): the Embedding output pooled over the words, the LSTM
/// output and the hidden Dense output, for a batch of padded texts. Pooling is the mean over the real (non-padding)
/// words, since an embedding of a whole text has one vector per word.
/// </summary>
public sealed record LayerFeatures(string Layer, float[] Values, int Rows, int Dim)
{
    public static IReadOnlyList<LayerFeatures> Capture(Sequential model, float[] ids, int rows, string embedding, string lstm, string hidden, out float[] probabilities)
    {
        probabilities = model.Predict(ids, rows, [embedding, lstm, hidden], out var cap);
        int steps = model.InputSteps;
        int dim = ((Embedding)model[embedding]).Dim;
        var pooled = new float[rows * dim];
        var raw = cap[embedding];
        for (int r = 0; r < rows; r++)
        {
            int count = 0;
            var acc = new double[dim];
            for (int t = 0; t < steps; t++)
            {
                if (ids[r * steps + t] == 0) continue;
                count++;
                for (int c = 0; c < dim; c++) acc[c] += raw[((long)r * steps + t) * dim + c];
            }
            for (int c = 0; c < dim; c++) pooled[r * dim + c] = count == 0 ? 0 : (float)(acc[c] / count);
        }
        int lw = cap[lstm].Length / rows, hw = cap[hidden].Length / rows;
        return [new("embedding (mean over words)", pooled, rows, dim), new("LSTM", cap[lstm], rows, lw), new("hidden Dense", cap[hidden], rows, hw)];
    }
}
