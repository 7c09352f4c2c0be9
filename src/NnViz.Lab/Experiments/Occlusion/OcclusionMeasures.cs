using NnViz.Data;
using NnViz.Engine.Nn;
using NnViz.Lab.Explain;
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
public sealed record OcclusionMeasures(IReadOnlyDictionary<string, double> Metrics, OcclusionGrid? Toy)
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
        return new OcclusionMeasures(metrics, toy);
    }
}
