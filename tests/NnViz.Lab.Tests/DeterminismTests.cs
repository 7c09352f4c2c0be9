namespace NnViz.Lab.Tests;

/// <summary>
/// The same spec gives the same bytes (figures, arrays, metrics, pages) with 1 or 2 threads and with AVX-512
/// switched off (DOTNET_EnableAVX512=0, the .NET 10 switch). Only provenance.json/js may differ.
/// </summary>
public class DeterminismTests
{
    [Theory]
    [InlineData("poly-fit")]
    [InlineData("rings")]
    [InlineData("imdb-lstm")] // an LSTM over an embedding: gradients summed per token (LstmTokens)
    [InlineData("toxic-word-drift")] // a bidirectional LSTM over a trained embedding, directions concurrent
    public void ArtifactsAreIdenticalAcrossThreadsAndVectorWidths(string spec)
    {
        var settings = new (string Name, Dictionary<string, string> Env)[]
        {
            ("1 thread", new() { ["DOTNET_PROCESSOR_COUNT"] = "1" }),
            ("2 threads", new() { ["DOTNET_PROCESSOR_COUNT"] = "2" }),
            ("2 threads, AVX-512 off", new() { ["DOTNET_PROCESSOR_COUNT"] = "2", ["DOTNET_EnableAVX512"] = "0" }),
        };
        SortedDictionary<string, string>? reference = null;
        foreach (var (name, env) in settings)
        {
            string outDir = Lab.TempDir($"det-{spec}");
            var (exit, _, err) = CliProcess.Run(env, "run", $"experiments/{spec}.yaml", "--profile", "ci", "--out", outDir, "--store", Path.Combine(outDir, ".store"));
            Assert.True(exit == 0, $"{name}: exit {exit}: {err}");
            var hashes = Lab.Hashes(Path.Combine(outDir, spec));
            Assert.Contains("metrics.json", hashes.Keys);
            Assert.Contains(hashes.Keys, k => k.StartsWith("data/", StringComparison.Ordinal) && k.EndsWith(".npy", StringComparison.Ordinal));
            if (reference is null) reference = hashes;
            else Assert.Equal(reference, hashes);
            Directory.Delete(outDir, true);
        }
    }
}
