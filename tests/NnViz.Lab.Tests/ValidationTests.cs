using NnViz.Lab.Runs;
using NnViz.Lab.Specs;
using NnViz.Testing;

namespace NnViz.Lab.Tests;

/// <summary>
/// Broken specs in Specs/broken/, each with the exact errors it must produce (file:line:column, path, rule) in
/// &lt;name&gt;.expected.txt: every error is reported at once, in one pass.
/// </summary>
public class ValidationTests
{
    public static TheoryData<string> BrokenSpecs()
    {
        var d = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Path.Combine(Lab.Specs, "broken"), "*.yaml").Order(StringComparer.Ordinal))
            d.Add(Path.GetFileNameWithoutExtension(f));
        return d;
    }

    [Theory]
    [MemberData(nameof(BrokenSpecs))]
    public void ReportsEveryErrorWithItsLocation(string name)
    {
        string file = Path.Combine(Lab.Specs, "broken", name + ".yaml");
        var profile = Profile.Load(Lab.Configs, "ci");
        var ex = Assert.Throws<SpecException>(() => SpecLoader.Load(file, profile));
        string actual = string.Join("\n", ex.Errors.Select(e => $"{e.Line}:{e.Column}: {(e.Path.Length > 0 ? e.Path + ": " : "")}{e.Message}")) + "\n";
        string expected = File.ReadAllText(Path.Combine(Lab.Specs, "broken", name + ".expected.txt"));
        Assert.Equal(expected, actual);
        Assert.All(ex.Errors, e => Assert.EndsWith($"{name}.yaml", e.File));
    }

    [Fact]
    public void ProfileOverrideErrorsPointAtTheProfileFile()
    {
        string dir = Lab.TempDir("profile");
        File.WriteAllText(Path.Combine(dir, "bad.yaml"), "description: broken\nexperiments:\n  poly-fit:\n    training.epochs: zero\n");
        var profile = Profile.Load(dir, "bad");
        var ex = Assert.Throws<SpecException>(() => SpecLoader.Load(Path.Combine(Lab.Experiments, "poly-fit.yaml"), profile));
        var e = Assert.Single(ex.Errors);
        Assert.Equal("training.epochs", e.Path);
        Assert.EndsWith("bad.yaml", e.File);
        Assert.Equal((4, 22), (e.Line, e.Column));
        Directory.Delete(dir, true);
    }

    [Fact]
    public void UnknownProfileNamesTheAvailableOnes()
    {
        var ex = Assert.Throws<SpecException>(() => Profile.Load(Lab.Configs, "fast"));
        Assert.Contains("profiles available: ci, full, quick", ex.Errors[0].Message);
    }

    [Fact]
    public void EveryShippedSpecIsValidOnEveryProfile()
    {
        foreach (var p in Profile.Known)
        {
            var runner = new Runner(new RunnerOptions(Lab.Configs, "", "", p));
            var (specs, errors) = runner.ValidateAll(Runner.FindSpecs(Lab.Experiments));
            Assert.Empty(errors);
            Assert.NotEmpty(specs);
        }
    }
}
