using System.Globalization;
using NnViz.Engine;
using NnViz.Engine.Nn;
using NnViz.Lab.Experiments.Common;
using NnViz.Lab.Explain;
using NnViz.Lab.Explain.Baselines;
using NnViz.Lab.Text;
using NnViz.Lab.Specs;

namespace NnViz.Lab.Experiments.ImdbLstm;

/// <summary>Word impacts of the write-up's sentences at the last checkpoint, of two sentences per explained checkpoint, and of the UCI sentences.</summary>
public sealed record WordImpacts(IReadOnlyList<ImpactRow> WriteUp, IReadOnlyList<ImpactRow> Training, IReadOnlyList<ImpactRow> Uci, WordPiece Authors);

/// <summary>One linear probe: the layer, its width, accuracy on the training reviews it was fitted on and on the shown test reviews.</summary>
public sealed record ProbeResult(string Layer, int Dim, double TrainAccuracy, double ShownAccuracy);

/// <summary>
/// The fixed test reviews (rows of the test set) in the three layer spaces at the explained epochs: features and
/// predictions per epoch, the aligned Isomap layouts per space (Layouts[space][epoch]), and the final linear probes.
/// </summary>
public sealed record LayerSpaces(int[] Shown, IReadOnlyList<int> Epochs, IReadOnlyList<IReadOnlyList<LayerFeatures>> Features,
    IReadOnlyList<float[]> Predictions, SpaceFrame[][] Layouts, IReadOnlyList<ProbeResult> Probes);

/// <summary>D2's measurements from the saved checkpoints, before anything is drawn; Comparison: the final model beside the bag-of-words baseline.</summary>
public sealed record ImdbLstmMeasures(WordImpacts Impacts, LayerSpaces Spaces, TextComparison Comparison, IReadOnlyDictionary<string, double> Metrics)
{
    /// <summary>The three layer spaces, by metric suffix: pooled embedding, LSTM output, hidden dense output.</summary>
    public static readonly IReadOnlyList<string> SpaceKeys = ["embedding", "lstm", "hidden"];

    public static ImdbLstmMeasures Measure(ExperimentSpec spec, ImdbLstmOptions o, ReviewData data, ImdbLstmKind.TrainedCheckpoints trained, Rng root)
    {
        int epochs = spec.Epochs;
        var models = new Sequential?[epochs + 1];
        Sequential Model(int e) => models[e] ??= (Sequential)ModelFile.Load(new MemoryStream(trained.Models[e]));
        var impacts = MeasureImpacts(o, data, epochs, Model);
        var spaces = MeasureSpaces(spec, o, data, root, Model);
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["test_accuracy"] = trained.TestAccuracy[epochs],
            ["best_test_accuracy"] = trained.TestAccuracy.Max(),
            ["first_epoch_loss"] = trained.Loss[1],
            ["final_train_loss"] = trained.Loss[epochs],
        };
        double pBoring = impacts.WriteUp[0].Probability, pFilm = impacts.WriteUp[1].Probability, pNot = impacts.WriteUp[2].Probability;
        metrics["p_boring"] = pBoring;
        metrics["p_not_boring"] = pNot;
        metrics["boring_not_gap"] = Math.Abs(pNot - pBoring);
        metrics["boring_film_gap"] = Math.Abs(pFilm - pBoring);
        metrics["authors_impact"] = impacts.Authors.Impact;
        for (int l = 0; l < 3; l++) metrics[$"probe_accuracy_{SpaceKeys[l]}"] = spaces.Probes[l].ShownAccuracy;
        metrics["probe_gain_lstm"] = metrics["probe_accuracy_lstm"] - metrics["probe_accuracy_embedding"];
        metrics["probe_gain_hidden"] = metrics["probe_accuracy_hidden"] - metrics["probe_accuracy_lstm"];
        var comparison = Compare(spec, data, Model(epochs));
        comparison.AddMetrics(metrics, member: null, withBaseline: true);
        return new ImdbLstmMeasures(impacts, spaces, comparison, metrics);
    }

    private static WordImpacts MeasureImpacts(ImdbLstmOptions o, ReviewData data, int epochs, Func<int, Sequential> model)
    {
        static string Cp(int e) => $"epoch {e}";
        var final = model(epochs);
        var writeUp = WriteUpSentences.Boring.Append(WriteUpSentences.Application).Concat(o.Sentences)
            .Select(s => WordImpact.Explain(final, data.Encoder, s, Cp(epochs))).ToList();
        var authors = writeUp[3].Words.First(w => w.Text == "authors");
        var training = new[] { WriteUpSentences.Application, WriteUpSentences.Boring[2] }
            .SelectMany(s => Every(o.ImpactEvery, epochs).Select(e => WordImpact.Explain(model(e), data.Encoder, s, Cp(e)))).ToList();
        var uci = WriteUpSentences.Uci.Select(u => WordImpact.Explain(final, data.Encoder, u.Text, Cp(epochs), u.Label)).ToList();
        return new WordImpacts(writeUp, training, uci, authors);
    }

    private static LayerSpaces MeasureSpaces(ExperimentSpec spec, ImdbLstmOptions o, ReviewData data, Rng root, Func<int, Sequential> model)
    {
        int epochs = spec.Epochs;
        int[] testLabels = data.TestLabels;
        int[] shown = Sampling.Stratified(testLabels, o.SpacePoints, root.Fork("data/space-points"));
        int n = shown.Length;
        float[] x = Sampling.Rows(data.TestX, shown, data.Encoder.MaxLength);
        var spaceEpochs = Every(o.SpaceEvery, epochs);
        var names = LayerNames(spec);
        var predictions = new List<float[]>();
        var features = spaceEpochs.Select(e =>
        {
            var f = LayerFeatures.Capture(model(e), x, n, names[0], names[1], names[2], out var p);
            predictions.Add(p);
            return f;
        }).ToList();
        var layouts = new SpaceFrame[3][];
        for (int l = 0; l < 3; l++)
            layouts[l] = LayerSpaceLayout.Fit(SpaceKeys[l], [.. features.Select(f => f[l].Values)], n, features[0][l].Dim, o.IsomapNeighbors, root);

        // Linear probes on the final checkpoint: fitted on training reviews, scored on the shown test reviews.
        int[] trainLabels = data.TrainLabels;
        int[] probeRows = Sampling.Stratified(trainLabels, o.ProbeTrain, root.Fork("data/probe-train"));
        var probeX = Sampling.Rows(data.TrainX, probeRows, data.Encoder.MaxLength);
        var probeF = LayerFeatures.Capture(model(epochs), probeX, probeRows.Length, names[0], names[1], names[2], out _);
        int[] probeY = [.. probeRows.Select(i => trainLabels[i])];
        int[] shownY = [.. shown.Select(i => testLabels[i])];
        var probes = Enumerable.Range(0, 3).Select(l =>
        {
            var acc = SdcaProbe.FitAndScore(probeF[l].Values, probeY, features[^1][l].Values, shownY, probeF[l].Dim, TextComparison.SeedOf(spec.Seed));
            return new ProbeResult(probeF[l].Layer, probeF[l].Dim, acc.Train, acc.HeldOut);
        }).ToList();
        return new LayerSpaces(shown, spaceEpochs, features, predictions, layouts, probes);
    }

    /// <summary>The final model's test probabilities beside the bag-of-words baseline fitted on the same training reviews, as the model reads them.</summary>
    private static TextComparison Compare(ExperimentSpec spec, ReviewData data, Sequential final)
    {
        int steps = data.Encoder.MaxLength;
        string[] Texts(float[] ids, int rows) =>
            [.. Enumerable.Range(0, rows).Select(r => string.Join(' ', data.Encoder.Vocabulary.Decode(Enumerable.Range(0, steps).Select(s => (int)ids[r * steps + s]))))];
        bool[] trainY = [.. data.TrainLabels.Select(y => y == 1)], testY = [.. data.TestLabels.Select(y => y == 1)];
        float[] p = final.Predict(data.TestX, data.Test.Count);
        return TextComparison.Measure("positive", Texts(data.TrainX, data.Train.Count), trainY, Texts(data.TestX, data.Test.Count), testY, p, spec.Seed, "test");
    }

    internal static List<int> Every(int step, int epochs) =>
        [.. Enumerable.Range(0, epochs + 1).Where(e => e % step == 0).Append(epochs).Distinct().Order()];

    /// <summary>The embedding, the LSTM and the hidden dense layer (the dense before the output).</summary>
    internal static string[] LayerNames(ExperimentSpec spec)
    {
        var ls = spec.Members[0].Layers;
        return [ls.First(l => l.Kind == "embedding").Name, ls.First(l => l.Kind == "lstm").Name, ls.Take(ls.Count - 1).Last(l => l.Kind == "dense").Name];
    }

    internal static string Num(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
}
