using NnViz.Testing;

namespace NnViz.Lab.Tests.Recipes;

/// <summary>
/// The Slurm recipe (tools/slurm/reproduce.sh) end to end with stand-in sbatch/srun on PATH
/// (Recipes/slurm-stub): the array tasks run here in parallel, the merge job runs after them (afterok), and the
/// merged report holds the bytes of a single-machine run.
/// </summary>
public class SlurmRecipeTests
{
    private static readonly string Script = Path.Combine(RepoPaths.Root, "tools", "slurm", "reproduce.sh");

    /// <summary>Copies the stubs into a bin folder (executable) and returns the environment that puts them first on PATH.</summary>
    private static Dictionary<string, string> StubEnvironment(string dir)
    {
        string bin = Path.Combine(dir, "bin"), state = Path.Combine(dir, "slurm-state");
        Directory.CreateDirectory(bin);
        Directory.CreateDirectory(state);
        foreach (var stub in new[] { "sbatch", "srun" })
        {
            string to = Path.Combine(bin, stub);
            File.Copy(Path.Combine(RepoPaths.Root, "tests", "NnViz.Lab.Tests", "Recipes", "slurm-stub", stub), to);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(to, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return new() { ["PATH"] = $"{bin}:{Environment.GetEnvironmentVariable("PATH")}", ["SLURM_STUB_DIR"] = state, ["NNVIZ"] = Shell.Nnviz };
    }

    /// <summary>Waits until every task of every submitted job has an exit code; returns them by "job.task".</summary>
    private static Dictionary<string, string> WaitForJobs(string state, TimeSpan limit)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var expected = Directory.GetFiles(state, "*.tasks").SelectMany(f =>
            {
                var range = File.ReadAllText(f).Split(' ').Select(int.Parse).ToArray();
                return Enumerable.Range(range[0], range[1] - range[0] + 1).Select(t => $"{Path.GetFileNameWithoutExtension(f)}.{t}");
            }).ToList();
            if (expected.All(j => File.Exists(Path.Combine(state, j + ".rc"))))
                return expected.ToDictionary(j => j, j => File.ReadAllText(Path.Combine(state, j + ".rc")).Trim());
            if (clock.Elapsed > limit) throw new TimeoutException($"Slurm stub jobs unfinished after {limit}: {string.Join(", ", expected)}");
            Thread.Sleep(500);
        }
    }

    [Fact]
    public void TheArrayRunsTheShardsInParallelAndTheDependentMergeBuildsTheSingleRunsReport()
    {
        string specs = Shell.Specs("slurm-specs", "poly-fit", "rings"), dir = Lab.TempDir("slurm");
        string[] common = ["--profile", "ci", "--seeds", "2"];
        var (exit, _, err) = Cli.Run(["run", specs, .. common, "--out", Path.Combine(dir, "single"), "--store", Path.Combine(dir, "single-store")], dir);
        Assert.True(exit == 0, err);

        var env = StubEnvironment(dir);
        var (submitExit, submitted, submitErr) = Shell.Run("bash", [Script, .. common, "--shards", "2", "--specs", specs,
            "--work", Path.Combine(dir, "work"), "--out", Path.Combine(dir, "merged")], dir, env);
        Assert.True(submitExit == 0, submitErr + submitted);
        Assert.Contains("submitted: shards as array job", submitted);

        string state = env["SLURM_STUB_DIR"];
        var jobs = WaitForJobs(state, TimeSpan.FromMinutes(15));
        string logs = string.Join("\n", Directory.GetFiles(Path.Combine(dir, "work", "logs")).Select(f => $"== {f}\n{File.ReadAllText(f)}"));
        Assert.True(jobs.Values.All(rc => rc == "0"), string.Join(", ", jobs.Select(j => $"{j.Key}: {j.Value}")) + "\n" + logs);
        Assert.Equal(3, jobs.Count);   // two array tasks and the merge

        var submissions = File.ReadAllLines(Path.Combine(state, "submitted"));
        Assert.Contains("array=1-2 dependency=none", submissions[0]);
        Assert.Contains($"dependency=afterok:{submissions[0].Split(' ')[0]}", submissions[1]);
        var srun = File.ReadAllLines(Path.Combine(state, "srun.log"));
        Assert.Contains(srun, l => l.StartsWith("task 1: ", StringComparison.Ordinal) && l.Contains(" --shard 1/2 "));
        Assert.Contains(srun, l => l.StartsWith("task 2: ", StringComparison.Ordinal) && l.Contains(" --shard 2/2 "));
        Assert.Contains(srun, l => l.StartsWith("task none: ", StringComparison.Ordinal) && l.Contains(" merge "));
        // The merge started only after both shards had ended.
        double mergeStart = Time(state, submissions[1].Split(' ')[0] + ".1.start");
        Assert.All(new[] { 1, 2 }, t => Assert.True(Time(state, $"{submissions[0].Split(' ')[0]}.{t}.end") <= mergeStart));

        foreach (var s in new[] { "poly-fit", "rings" })
            Assert.Equal(Lab.Hashes(Path.Combine(dir, "single", s)), Lab.Hashes(Path.Combine(dir, "merged", s)));
        Assert.Equal(File.ReadAllText(Path.Combine(dir, "single", "index.html")), File.ReadAllText(Path.Combine(dir, "merged", "index.html")));
        Assert.True(File.Exists(Path.Combine(dir, "work", "plan.json")));
        Directory.Delete(dir, true);
        Directory.Delete(specs, true);
    }

    private static double Time(string state, string file) =>
        double.Parse(File.ReadAllText(Path.Combine(state, file)), System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void ABadShardCountOrMissingSpecsAreRefusedBeforeAnythingIsSubmitted()
    {
        string dir = Lab.TempDir("slurm-bad");
        var env = StubEnvironment(dir);
        var (exit, _, err) = Shell.Run("bash", [Script, "--shards", "0"], dir, env);
        Assert.Equal(2, exit);
        Assert.Contains("--shards: expected a whole number >= 1, received '0'", err);
        (exit, _, err) = Shell.Run("bash", [Script, "--specs", Path.Combine(dir, "nowhere")], dir, env);
        Assert.Equal(2, exit);
        Assert.Contains("no such spec file or folder", err);
        Assert.False(File.Exists(Path.Combine(env["SLURM_STUB_DIR"], "submitted")));
        Directory.Delete(dir, true);
    }
}
