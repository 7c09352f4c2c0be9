namespace NnViz.Lab.Tests;

/// <summary>`nnviz run` read by another program (./run.sh runs it under MSBuild, CI logs it): the summary table keeps
/// each experiment on one line at the width the caller passes in COLUMNS (160 without it), and the report's path is
/// printed plain, without a terminal hyperlink's escape codes.</summary>
public class CliOutputTests
{
    private static string[] RunPolyFit(Dictionary<string, string> env, string name)
    {
        string dir = Lab.TempDir(name);
        var (exit, stdout, err) = CliProcess.Run(env, "run", "experiments/poly-fit.yaml", "--profile", "ci",
            "--out", Path.Combine(dir, "report"), "--store", Path.Combine(dir, "store"));
        Assert.True(exit == 0, err);
        Assert.DoesNotContain("\u001b]8;", stdout);
        Assert.Contains($"Report: {Path.GetFullPath(Path.Combine(dir, "report", "index.html"))}", stdout.Split('\n').Select(l => l.TrimEnd('\r')));
        return stdout.Split('\n');
    }

    [Fact]
    public void RedirectedOutputKeepsEachTableRowOnOneLine()
    {
        var lines = RunPolyFit(new() { ["COLUMNS"] = "" }, "cli-out-wide");
        var row = Assert.Single(lines, l => l.Contains("poly-fit") && l.Contains('│'));
        Assert.Contains("synthetic", row);
        Assert.Contains("ran", row);
        Assert.Single(lines, l => l.Contains("experiment") && l.Contains("not reproduced") && l.Contains("store"));
    }

    [Fact]
    public void RedirectedOutputTakesTheCallersColumns()
    {
        var lines = RunPolyFit(new() { ["COLUMNS"] = "90" }, "cli-out-narrow");
        var table = lines.Where(l => l.Contains('│') || l.Contains('─')).ToList();
        Assert.NotEmpty(table);
        Assert.All(table, l => Assert.True(l.TrimEnd('\r').Length <= 90, $"a table line is {l.Length} characters wide: {l}"));
    }
}
