namespace NnViz.Lab.Tests;

/// <summary>A user's own spec in a folder of its own validates and runs with the built-in profiles.</summary>
public class OwnSpecTests
{
    [Fact]
    public void ASpecOutsideTheRepositoryValidatesAndRunsFromItsOwnFolder()
    {
        string dir = Lab.TempDir("own-spec");
        File.WriteAllText(Path.Combine(dir, "my-fit.yaml"), """
            name: my-fit
            title: My own curve fit
            description: A user's spec, outside the repository, with no configs folder beside it.
            kind: curve-fit
            data: {kind: polynomial, coefficients: [0, 1, 1], train_points: 64}
            model:
              layers: [{kind: dense, units: 4, activation: tanh}, {kind: dense, units: 1, activation: linear}]
            loss: mse
            optimizer: {kind: sgd, learning_rate: 0.05}
            training: {epochs: 2, batch_size: 16, seed: 7}
            """);
        var (exit, stdout, stderr) = Cli.Run(["validate", "my-fit.yaml"], dir);
        Assert.True(exit == 0, stderr);
        Assert.Contains("ok  my-fit.yaml", stdout);

        (exit, stdout, stderr) = Cli.Run(["run", "my-fit.yaml", "--profile", "ci", "--dry-run"], dir);
        Assert.True(exit == 0, stderr);
        Assert.Contains("my-fit (curve-fit, my-fit.yaml): engine native, 2 epoch(s) x 1 seed(s), estimated", stdout);
        Assert.Contains("data: generated (the write-up's data are synthetic)", stdout);
        Assert.Equal(["my-fit.yaml"], Directory.GetFileSystemEntries(dir).Select(Path.GetFileName));   // a dry run writes nothing

        (exit, stdout, stderr) = Cli.Run(["run", "my-fit.yaml", "--profile", "ci", "--out", "report", "--store", ".store"], dir);
        Assert.True(exit == 0, stderr + stdout);
        Assert.True(File.Exists(Path.Combine(dir, "report", "my-fit", "index.html")));
        Assert.True(File.Exists(Path.Combine(dir, "report", "index.html")));
        Directory.Delete(dir, true);
    }
}
