using System.Text;
using NnViz.Lab.Experiments;
using NnViz.Lab.Runs;
using NnViz.Testing;

namespace NnViz.Lab.Tests;

/// <summary>
/// Every spec in experiments/ is a test case: it runs on the tiny ci profile, the claims marked for ci must be
/// reproduced, and its figures and claims table must match the reviewed snapshots. Adding a spec adds a test.
/// </summary>
public class ExperimentSpecTests
{
    public static TheoryData<string> SpecNames()
    {
        var data = new TheoryData<string>();
        foreach (var f in Runner.FindSpecs(Lab.Experiments)) data.Add(Path.GetFileNameWithoutExtension(f));
        return data;
    }

    [Theory]
    [MemberData(nameof(SpecNames))]
    public void RunsOnCiProfileWithItsClaimsAndSnapshots(string name)
    {
        string outDir = Lab.TempDir(name);
        var runner = Lab.Runner(outDir);
        var (specs, errors) = runner.ValidateAll([Path.Combine(Lab.Experiments, name + ".yaml")]);
        Assert.Empty(errors);
        var summary = runner.Run(specs[0]);
        string dir = Path.Combine(outDir, summary.Name);

        var claims = System.Text.Json.JsonSerializer.Deserialize<List<ClaimResult>>(File.ReadAllText(Path.Combine(dir, "claims.json")), ArtifactSink.JsonOptions)!;
        var ciClaims = specs[0].Claims.Where(c => c.Profiles.Contains("ci")).Select(c => c.Id).ToHashSet();
        Assert.All(claims.Where(c => ciClaims.Contains(c.Id)), c => Assert.True(c.Verdict == Verdict.Reproduced, $"claim {c.Id}: {c.Measured}"));

        // Every metric the run measured is one its kind declares (claims may name only those).
        var metrics = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, double>>(File.ReadAllText(Path.Combine(dir, "metrics.json")), ArtifactSink.JsonOptions)!; // NaN = not measured
        Assert.NotEmpty(metrics);
        Assert.All(metrics.Keys, k =>
        {
            var (metric, member) = MetricInfo.Parse(k);
            Assert.True(ExperimentKinds.Declares(specs[0].Kind, metric, member), $"{k} is not declared by kind {specs[0].Kind}");
        });

        var table = new StringBuilder();
        foreach (var c in claims) table.Append($"{c.Id} | {c.Expected} | {c.Measured} | {c.VerdictText}\n");
        // Check every snapshot before failing, so one run writes all the *.received.* files to review.
        var mismatches = new List<string>();
        void Check(string text, string ext, string id)
        {
            try { Snapshot.Match(text, ext, id); }
            catch (SnapshotMismatchException e) { mismatches.Add(e.Message); }
        }
        Check(table.ToString(), "txt", $"{name}.claims");
        foreach (var svg in Directory.GetFiles(Path.Combine(dir, "figures"), "*.svg").Order(StringComparer.Ordinal))
            Check(File.ReadAllText(svg), "svg", $"{name}.{Path.GetFileNameWithoutExtension(svg)}");
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
        Directory.Delete(outDir, true);
    }
}
