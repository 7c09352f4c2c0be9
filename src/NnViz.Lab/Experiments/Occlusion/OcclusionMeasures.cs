using NnViz.Data;
using NnViz.Engine.Nn;
using NnViz.Lab.Explain;
using NnViz.Lab.Explain.Baselines;
using NnViz.Lab.Text;
using NnViz.Lab.Specs;
using static NnViz.Lab.Experiments.Occlusion.OcclusionKind;

namespace NnViz.Lab.Experiments.Occlusion;

/// <summary>The trained two-input model with its corpus (first nTrain records train, the next nTest test) and encoding.</summary>
public sealed record OcclusionRecords(TitleAbstractCorpus Corpus, int NTrain, int NTest, TitleAbstractInputs Inputs, GraphModel Model)
{
    public int[] TestRows => [.. Enumerable.Range(NTrain, NTest)];
}

/// <summary>D1's measurements: the metrics, and the toy record's grid when its figure is asked for.</summary>
public sealed record OcclusionMeasures(IReadOnlyDictionary<string, double> Metrics, OcclusionGrid? Toy, TextComparison Comparison)
{
    public static OcclusionMeasures Measure(ExperimentSpec spec, OcclusionOptions o, OcclusionRecords r, TrainedModel trained)
    {
        var (c, _, _, inputs, model) = r;
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal) { ["test_accuracy"] = trained.TestAccuracy[^1] };
        OcclusionGrid? toy = null;
        if (spec.Wants("occlusion_toy"))
        {
            toy = OcclusionGrid.Compute(model, inputs, OcclusionPage.ToyTitle, OcclusionPage.ToyAbstract);
            metrics["toy_full_probability"] = toy[toy.TitleWords.Length - 1, toy.Sentences.Length - 1];
        }
        if (c.Generated)
        {
            var positives = r.TestRows.Where(i => c.Labels[i] >= 0.5f).Take(o.AgreementRecords).ToList();
            metrics["occlusion_agreement"] = positives.Count == 0 ? double.NaN : positives.Average(i => OcclusionGrid.Compute(model, inputs, c.Titles[i], c.Abstracts[i]).Agreement(c.Tags![i]));
        }
        var comparison = Compare(spec, r);
        comparison.AddMetrics(metrics, member: null, withBaseline: true);
        return new OcclusionMeasures(metrics, toy, comparison);
    }

    /// <summary>The model's test probabilities beside a bag-of-words baseline on each record's title and abstract, fitted on the same training records.</summary>
    private static TextComparison Compare(ExperimentSpec spec, OcclusionRecords r)
    {
        var (c, nTrain, nTest, inputs, model) = r;
        string[] Texts(int start, int n) => [.. Enumerable.Range(start, n).Select(i => c.Titles[i] + " \n " + c.Abstracts[i])];
        bool[] Labels(int start, int n) => [.. Enumerable.Range(start, n).Select(i => c.Labels[i] >= 0.5f)];
        float[] p = model.Predict(inputs.Batch(c.Titles[nTrain..(nTrain + nTest)], c.Abstracts[nTrain..(nTrain + nTest)]), nTest);
        return TextComparison.Measure("positive", Texts(0, nTrain), Labels(0, nTrain), Texts(nTrain, nTest), Labels(nTrain, nTest), p, spec.Seed, "test")
            with { Reading = "each record's full title and abstract (the network reads them through its vocabulary and padded lengths)" };
    }
}
