using System.Text.RegularExpressions;
using NnViz.Testing;
using YamlDotNet.RepresentationModel;

namespace NnViz.Lab.Tests.Recipes;

/// <summary>
/// The GitHub Actions recipe (.github/workflows/reproduce.yml) as a reviewer would check it: the YAML parses, the
/// matrix and the shard argument agree, each shard uploads its store and the merge job downloads them all, and every
/// nnviz command the workflow runs exists with every option it passes (checked against the CLI's own --help).
/// </summary>
public partial class WorkflowRecipeTests
{
    private static readonly string WorkflowFile = Path.Combine(RepoPaths.Root, ".github", "workflows", "reproduce.yml");

    private static YamlMappingNode Workflow()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(WorkflowFile)) yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents.Single().RootNode;
    }

    private static YamlMappingNode Map(YamlNode node, string key) => (YamlMappingNode)((YamlMappingNode)node)[key];

    private static IEnumerable<YamlMappingNode> Steps(YamlMappingNode job) => ((YamlSequenceNode)job["steps"]).Cast<YamlMappingNode>();

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var v) && v is YamlScalarNode s ? s.Value : null;

    /// <summary>Every nnviz command line of every run step: continuation lines joined, the words after $NNVIZ.</summary>
    private static List<string> NnvizCommands(YamlMappingNode jobs) =>
        [.. jobs.Children.Values.Cast<YamlMappingNode>().SelectMany(Steps)
            .Select(s => Scalar(s, "run")).OfType<string>()
            .SelectMany(script => script.Replace("\\\n", " ").Split('\n'))
            .Select(line => NnvizCall().Match(line)).Where(m => m.Success).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"\$NNVIZ\s+(.*)$")]
    private static partial Regex NnvizCall();

    [GeneratedRegex(@"(?<![\w-])--[a-z][a-z-]*")]
    private static partial Regex OptionName();

    [Fact]
    public void ShardsUploadTheirStoresAndTheMergeJobPublishesTheReport()
    {
        var jobs = Map(Workflow(), "jobs");
        var shard = Map(jobs, "shard");
        var matrix = (YamlSequenceNode)Map(Map(shard, "strategy"), "matrix")["shard"];
        var numbers = matrix.Cast<YamlScalarNode>().Select(n => int.Parse(n.Value!)).ToList();
        Assert.Equal(Enumerable.Range(1, numbers.Count), numbers);
        Assert.True(numbers.Count >= 2, "a matrix of at least two shards");

        string run = string.Join('\n', Steps(shard).Select(s => Scalar(s, "run")).OfType<string>());
        Assert.Contains("--shard ${{ matrix.shard }}/${{ strategy.job-total }}", run);   // K is the matrix's length
        Assert.Contains("--store \"store-${{ matrix.shard }}\"", run);
        var upload = Steps(shard).Single(s => Scalar(s, "uses")?.StartsWith("actions/upload-artifact@", StringComparison.Ordinal) == true);
        Assert.Equal("store-${{ matrix.shard }}", Scalar(Map(upload, "with"), "name"));
        Assert.Equal("store-${{ matrix.shard }}", Scalar(Map(upload, "with"), "path"));

        var merge = Map(jobs, "merge");
        Assert.Equal("shard", Scalar(merge, "needs"));
        var download = Steps(merge).Single(s => Scalar(s, "uses")?.StartsWith("actions/download-artifact@", StringComparison.Ordinal) == true);
        Assert.Equal("store-*", Scalar(Map(download, "with"), "pattern"));
        Assert.Equal("stores", Scalar(Map(download, "with"), "path"));
        var commands = NnvizCommands(jobs);
        Assert.Contains(commands, c => c.StartsWith("merge stores/store-* ", StringComparison.Ordinal) && c.Contains("--out \"reports/$PROFILE\""));
        var report = Steps(merge).Last(s => Scalar(s, "uses")?.StartsWith("actions/upload-artifact@", StringComparison.Ordinal) == true);
        Assert.Equal("reports/${{ env.PROFILE }}", Scalar(Map(report, "with"), "path"));
        foreach (var c in commands.Where(c => c.Contains("--shards ")))
            Assert.Contains($"--shards {numbers.Count} ", c);   // a partial report names shards of the same plan
    }

    [Fact]
    public void EveryNnvizCommandInTheWorkflowExistsWithItsOptions()
    {
        var commands = NnvizCommands(Map(Workflow(), "jobs"));
        Assert.True(commands.Count >= 4, string.Join('\n', commands));   // data fetch, run --shard, merge, report
        string env = Scalar(Map(Workflow(), "env"), "NNVIZ")!;
        Assert.Equal("dotnet src/NnViz.Cli/bin/Release/net10.0/nnviz.dll", env);
        Assert.True(File.Exists(Cli.Dll), "the CLI the workflow builds is nnviz.dll");
        foreach (var line in commands)
        {
            var (path, help) = Subcommand(line);
            foreach (var option in OptionName().Matches(line).Select(m => m.Value).Distinct())
                Assert.True(Regex.IsMatch(help, $@"(?<![\w-]){Regex.Escape(option)}(?![\w-])"),
                    $"the workflow runs `nnviz {path} ... {option}`, but `nnviz {path} --help` has no {option}:\n{help}");
        }
    }

    /// <summary>The longest run of leading words that `--help` lists as commands, and that command's help.</summary>
    private static (string Path, string Help) Subcommand(string line)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var path = new List<string>();
        string help = Help([]);
        foreach (var w in words)
        {
            if (!CommandsOf(help).Contains(w)) break;
            path.Add(w);
            help = Help(path);
        }
        Assert.True(path.Count > 0, $"`nnviz {line}`: '{words[0]}' is not an nnviz command; `nnviz --help` lists: {string.Join(", ", CommandsOf(Help([]))) }");
        return (string.Join(' ', path), help);
    }

    private static string Help(IEnumerable<string> path)
    {
        var (exit, stdout, stderr) = Cli.Run([.. path, "--help"], RepoPaths.Root);
        Assert.True(exit == 0, stderr);
        return stdout;
    }

    /// <summary>The command names of a help text's "Commands:" section.</summary>
    private static HashSet<string> CommandsOf(string help)
    {
        int at = help.IndexOf("Commands:", StringComparison.Ordinal);
        if (at < 0) return [];
        return [.. help[(at + 9)..].Split('\n').TakeWhile(l => l.Length == 0 || l.StartsWith("  ", StringComparison.Ordinal))
            .Select(l => l.Trim().Split(' ', 2)[0]).Where(w => w.Length > 0)];
    }
}
