namespace NnViz.Data.Tests;

/// <summary>
/// A tiny L2-regularised logistic regression on binary bag-of-words features, trained by full-batch gradient
/// descent in double (fixed order, so deterministic): the "linear model" against which the generated corpora's
/// documented accuracies are measured.
/// </summary>
public sealed class BagOfWordsLogistic
{
    private readonly double[] _w;
    private double _b;

    private BagOfWordsLogistic(int size) => _w = new double[size];

    public static BagOfWordsLogistic Train(int[][] docs, float[] labels, int size, int epochs = 300, double lr = 1.0, double l2 = 1e-4)
    {
        var m = new BagOfWordsLogistic(size);
        int[][] sets = docs.Select(d => d.Where(id => id > 0 && id < size).Distinct().ToArray()).ToArray();
        var grad = new double[size];
        for (int e = 0; e < epochs; e++)
        {
            Array.Clear(grad);
            double gb = 0;
            for (int i = 0; i < sets.Length; i++)
            {
                double err = m.ProbabilityOfSet(sets[i]) - labels[i];
                foreach (int id in sets[i]) grad[id] += err;
                gb += err;
            }
            for (int j = 0; j < size; j++) m._w[j] -= lr * (grad[j] / sets.Length + l2 * m._w[j]);
            m._b -= lr * gb / sets.Length;
        }
        return m;
    }

    public double Probability(IEnumerable<int> ids) => ProbabilityOfSet(ids.Where(id => id > 0 && id < _w.Length).Distinct().ToArray());

    /// <summary>For ids already filtered and distinct (the training loop's hot path).</summary>
    private double ProbabilityOfSet(int[] set)
    {
        double z = _b;
        foreach (int id in set) z += _w[id];
        return 1 / (1 + Math.Exp(-z));
    }

    public double Accuracy(int[][] docs, float[] labels)
    {
        int right = 0;
        for (int i = 0; i < docs.Length; i++) right += (Probability(docs[i]) >= 0.5 ? 1 : 0) == (int)labels[i] ? 1 : 0;
        return (double)right / docs.Length;
    }

    /// <summary>Trains on the first <paramref name="train"/> texts and returns the accuracy on the rest.</summary>
    public static double HeldOutAccuracy(string[] texts, float[] labels, int train, Func<string, string[]>? tokenize = null)
    {
        tokenize ??= Tokenizer.Keras.Tokenize;
        string[][] tokens = texts.Select(tokenize).ToArray();
        Vocabulary v = Vocabulary.Build(tokens[..train]);
        int[][] ids = v.EncodeAll(tokens);
        BagOfWordsLogistic m = Train(ids[..train], labels[..train], v.Size);
        return m.Accuracy(ids[train..], labels[train..]);
    }
}
