using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using NnViz.Engine;

namespace NnViz.Lab.Explain;

/// <summary>Accuracy of a linear probe on the rows it was fitted on and on held-out rows.</summary>
public sealed record ProbeAccuracy(double Train, double HeldOut);

/// <summary>
/// How linearly separable a layer's space is (Alain &amp; Bengio 2016, "linear classifier probes"), measured with the
/// field's tool: ML.NET's SDCA logistic regression on mean/variance-normalised features (normaliser fitted on the
/// probe's training rows), one thread and a seeded context, so the same features give the same bits. ML.NET's L-BFGS
/// trainer is not used: its result changes with the thread count.
/// </summary>
public static class SdcaProbe
{
    /// <summary>The measure in one line, for the page.</summary>
    /// <summary>Passes over the rows at most: left to itself, SDCA kept passing over a few dozen rows for seconds per fit.</summary>
    public const int MaxPasses = 200;

    public const string Measure = "ML.NET SDCA logistic regression on mean/variance-normalised features (one thread, seeded)";

    private sealed class Row
    {
        public float[] Features { get; set; } = [];
        public bool Label { get; set; }
    }

    private sealed class Prediction
    {
        public bool PredictedLabel { get; set; }
    }

    /// <summary>Fits on <paramref name="trainX"/> (rows x d) and scores on it and on <paramref name="testX"/>; labels are 0/1.</summary>
    public static ProbeAccuracy FitAndScore(float[] trainX, int[] trainY, float[] testX, int[] testY, int d, int seed)
    {
        if (d < 1) throw new ArgumentException("a probe needs at least one feature");
        if (trainX.Length != trainY.Length * d || testX.Length != testY.Length * d)
            throw new ArgumentException($"{trainX.Length} and {testX.Length} values for {trainY.Length} and {testY.Length} rows of width {d}");
        if (!trainY.Contains(0) || !trainY.Contains(1))
            throw new ArgumentException($"the probe's training rows need both classes ({trainY.Count(y => y == 1)} of {trainY.Length} positive)");
        var ml = new MLContext(seed);
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, d);
        var train = ml.Data.LoadFromEnumerable(Rows(trainX, trainY, d), schema);
        var sdca = new SdcaLogisticRegressionBinaryTrainer.Options
        {
            LabelColumnName = nameof(Row.Label), FeatureColumnName = nameof(Row.Features), NumberOfThreads = 1,
            MaximumNumberOfIterations = MaxPasses,
        };
        var model = ml.Transforms.NormalizeMeanVariance(nameof(Row.Features))
            .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression(sdca)).Fit(train);
        double Score(IDataView rows, int[] y)
        {
            var predicted = ml.Data.CreateEnumerable<Prediction>(model.Transform(rows), reuseRowObject: false).Select(p => p.PredictedLabel ? 1 : 0).ToArray();
            return y.Length == 0 ? double.NaN : predicted.Zip(y).Count(t => t.First == t.Second) / (double)y.Length;
        }
        return new ProbeAccuracy(Score(train, trainY), Score(ml.Data.LoadFromEnumerable(Rows(testX, testY, d), schema), testY));
    }

    /// <summary>
    /// Held-out probe accuracy by stratified k-fold cross-validation on one set of rows (for spaces recorded on
    /// validation rows only): each row is scored once, by the probe fitted on the other folds. NaN when a class has
    /// fewer rows than folds.
    /// </summary>
    public static double CrossValidated(float[] x, int[] y, int d, int folds, Rng rng, int seed)
    {
        if (folds < 2) throw new ArgumentException("cross-validation needs at least 2 folds");
        if (y.Any(v => v is not (0 or 1))) throw new ArgumentException("probe labels must be 0 or 1");
        int[] fold = StratifiedFolds(y, folds, rng);
        if (fold.Length == 0) return double.NaN;
        int right = 0;
        for (int f = 0; f < folds; f++)
        {
            int[] trainRows = [.. Enumerable.Range(0, y.Length).Where(i => fold[i] != f)];
            int[] testRows = [.. Enumerable.Range(0, y.Length).Where(i => fold[i] == f)];
            var acc = FitAndScore(Take(x, trainRows, d), [.. trainRows.Select(i => y[i])], Take(x, testRows, d), [.. testRows.Select(i => y[i])], d, seed);
            right += (int)Math.Round(acc.HeldOut * testRows.Length);
        }
        return right / (double)y.Length;
    }

    /// <summary>Fold of each row: each class shuffled (seeded) and dealt round-robin; empty when a class has fewer rows than folds.</summary>
    public static int[] StratifiedFolds(int[] y, int folds, Rng rng)
    {
        var fold = new int[y.Length];
        foreach (int c in new[] { 0, 1 })
        {
            int[] rows = [.. Enumerable.Range(0, y.Length).Where(i => y[i] == c)];
            if (rows.Length < folds) return [];
            rng.Shuffle<int>(rows);
            for (int k = 0; k < rows.Length; k++) fold[rows[k]] = k % folds;
        }
        return fold;
    }

    private static float[] Take(float[] x, int[] rows, int d)
    {
        var r = new float[rows.Length * d];
        for (int i = 0; i < rows.Length; i++) Array.Copy(x, rows[i] * d, r, i * d, d);
        return r;
    }

    private static List<Row> Rows(float[] x, int[] y, int d) =>
        [.. Enumerable.Range(0, y.Length).Select(i => new Row { Features = x[(i * d)..((i + 1) * d)], Label = y[i] == 1 })];
}
