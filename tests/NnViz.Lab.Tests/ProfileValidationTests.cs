using NnViz.Lab.Runs;

namespace NnViz.Lab.Tests;

/// <summary>A spec is checked as written and under every profile, whichever profile the command runs.</summary>
public class ProfileValidationTests
{
    private static string Spec(string dir, string training, string profiles) 
    {
        string file = Path.Combine(dir, "fit.yaml");
        File.WriteAllText(file, $"""
            name: fit
            title: fit
            description: A one-model curve fit.
            kind: curve-fit
            data: {"{"}kind: polynomial, coefficients: [0, 1], train_points: 16{"}"}
            model:
              layers: [{"{"}kind: dense, units: 2, activation: tanh{"}"}, {"{"}kind: dense, units: 1, activation: linear{"}"}]
            loss: mse
            optimizer: {"{"}kind: sgd, learning_rate: 0.01{"}"}
            training: {training}
            profiles:
            {profiles}
            """);
        return file;
    }

    [Fact]
    public void ABadBaseValueHiddenByTheProfileInUseIsStillReported()
    {
        string dir = Lab.TempDir("profile-validation-base");
        string file = Spec(dir, "{epochs: 0, batch_size: 8, seed: 1}", "  quick: {training.epochs: 3}\n  ci: {training.epochs: 2}\n  full: {training.epochs: 5}");
        var (specs, errors) = Lab.Runner(Lab.TempDir("pv-out")).ValidateAll([file]);
        Assert.Empty(specs);
        var e = Assert.Single(errors);
        Assert.Contains("training.epochs", e.Path);
        Assert.Contains("(profile 'as written')", e.Message);
        Assert.Equal(10, e.Line);
    }

    [Fact]
    public void ABadOverrideOfAnotherProfileIsReportedWithItsProfile()
    {
        string dir = Lab.TempDir("profile-validation-full");
        string file = Spec(dir, "{epochs: 4, batch_size: 8, seed: 1}", "  full: {optimizer.learning_rate: fast}");
        var (specs, errors) = Lab.Runner(Lab.TempDir("pv-out2")).ValidateAll([file]);   // the runner's profile is ci
        Assert.Empty(specs);
        var e = Assert.Single(errors);
        Assert.Contains("learning_rate", e.Path);
        Assert.EndsWith("(profile 'full')", e.Message);
        Assert.Equal(12, e.Line);
    }

    [Fact]
    public void AValidSpecValidatesUnderEveryProfile()
    {
        string dir = Lab.TempDir("profile-validation-ok");
        string file = Spec(dir, "{epochs: 4, batch_size: 8, seed: 1}", "  full: {training.epochs: 6}");
        var (specs, errors) = Lab.Runner(Lab.TempDir("pv-out3")).ValidateAll([file]);
        Assert.Empty(errors);
        Assert.Equal(4, Assert.Single(specs).Epochs);
    }
}
