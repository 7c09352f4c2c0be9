namespace NnViz.Lab.Tests;

/// <summary>
/// The text kinds declare the bag-of-words baseline, the network's ROC AUC and F1, the per-label AUC and the SDCA
/// linear probes as metrics, so a claim can name them; keyed as measured (the baseline once per experiment, the
/// network's scores per member of a family), and a misspelling is caught at validation.
/// </summary>
public class TextMetricClaimsTests
{
    private static IReadOnlyList<string> Errors(string specName, string extraClaims)
    {
        string dir = Lab.TempDir("text-metric-claims");
        string file = Path.Combine(dir, specName + ".yaml");
        File.WriteAllText(file, File.ReadAllText(Path.Combine(Lab.Experiments, specName + ".yaml")).TrimEnd() + "\n" + extraClaims);
        var (_, errors) = Lab.Runner(Path.Combine(dir, "out")).ValidateAll([file]);
        Directory.Delete(dir, true);
        return [.. errors.Select(e => e.ToString())];
    }

    [Fact]
    public void A_claim_can_compare_the_network_with_the_baseline_and_read_the_competitions_metric()
    {
        Assert.Empty(Errors("toxic-animator", """
              - {id: beats-counting, text: "x", metric: network_auc, op: ">", other_metric: baseline_auc}
              - {id: competition, text: "x", metric: mean_column_auc, op: ">", other_metric: baseline_mean_column_auc}
              - {id: per-label, text: "x", metric: auc_severe_toxic, op: ">=", value: 0.5}
              - {id: probe, text: "x", metric: probe_last, op: ">", other_metric: probe_first}
            """));
        Assert.Empty(Errors("imdb-lstm", """
              - {id: beats-counting, text: "x", metric: network_f1, op: ">", other_metric: baseline_f1}
            """));
        Assert.Empty(Errors("occlusion", """
              - {id: beats-counting, text: "x", metric: network_accuracy, op: ">", other_metric: baseline_accuracy}
            """));
    }

    [Fact]
    public void The_baseline_is_per_experiment_the_network_per_member_and_a_misspelling_is_named()
    {
        Assert.Empty(Errors("model-comparison-animator", """
              - {id: bilstm-beats-counting, text: "x", metric: network_auc, member: bilstm, op: ">", other_metric: baseline_auc}
            """.Replace("other_metric: baseline_auc", "value: 0.5")));
        var perMember = Errors("model-comparison-animator", """
              - {id: wrong-key, text: "x", metric: baseline_auc, member: bilstm, op: ">", value: 0.5}
            """);
        Assert.Contains(perMember, e => e.Contains("'baseline_auc' is measured once per experiment, not per member", StringComparison.Ordinal));
        var misspelled = Errors("imdb-lstm", """
              - {id: typo, text: "x", metric: baseline_acuracy, op: ">", value: 0.5}
            """);
        Assert.Contains(misspelled, e => e.Contains("'baseline_acuracy' is not a metric", StringComparison.Ordinal) && e.Contains("baseline_accuracy", StringComparison.Ordinal));
    }
}
