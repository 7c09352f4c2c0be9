using NnViz.Lab.Runs;
using NnViz.Lab.Specs;

namespace NnViz.Lab.Tests;

/// <summary>A spec's model members hold the engine's layer configurations, each with where the spec declared it.</summary>
public class ModelMemberTests
{
    private static ExperimentSpec Load(string file) => SpecLoader.Load(file, Profile.Load(Lab.Configs, "ci"));

    [Fact]
    public void LayersAreTheEnginesConfigurationsWithTheirDeclarations()
    {
        var m = Assert.Single(Load(Path.Combine(Lab.Experiments, "toxic-word-drift.yaml")).Members);
        Assert.Equal(["embedding", "global_average_pooling1d", "dense", "dense"], m.Layers.Select(l => l.Kind));
        Assert.Equal(["embedding_1", "pool_2", "hidden", "dense_4"], m.Layers.Select(l => l.Name));
        Assert.Equal([true, false, false, false], m.Layers.Select(l => l.MaskZero)); // token id 0 pads the embedding's input
        Assert.Equal(["embedding", "pool", "dense", "dense"], m.Layers.Select(ModelMember.WrittenKind));
        Assert.Equal(["model.layers[0]", "model.layers[1]", "model.layers[2]", "model.layers[3]"], m.Sources.Select(s => s.Path));
        var pool = m.Source(m.Layers[1]);
        Assert.Equal((24, 7), (pool.Where.Line, pool.Where.Column));
        Assert.EndsWith("toxic-word-drift.yaml", pool.Where.File);
        Assert.Null(pool.Input);
        var e = m.Error(m.Layers[1], "mode", "a message");
        Assert.Equal("model.layers[1].mode", e.Path);
        Assert.Equal((24, 7), (e.Line, e.Column));
        Assert.Equal("model.layers[1]", m.Error(m.Layers[1], null, "a message").Path);
    }

    [Fact]
    public void MaxPoolIsTheEnginesGlobalMaxPooling()
    {
        string dir = Lab.TempDir("max-pool");
        string text = File.ReadAllText(Path.Combine(Lab.Experiments, "toxic-word-drift.yaml"));
        Assert.Contains("{kind: pool, mode: mean}", text);
        string file = Path.Combine(dir, "max-pool.yaml");
        File.WriteAllText(file, text.Replace("{kind: pool, mode: mean}", "{kind: pool, mode: max}", StringComparison.Ordinal));
        var m = Load(file).Members[0];
        Assert.Equal("global_max_pooling1d", m.Layers[1].Kind);
        Assert.Equal("pool", ModelMember.WrittenKind(m.Layers[1]));
        Directory.Delete(dir, true);
    }

    [Fact]
    public void TwoInputBranchesKeepTheInputTheyRead()
    {
        var m = Load(Path.Combine(Lab.Experiments, "occlusion.yaml")).Members[0];
        var branches = m.Layers.Where(l => m.Input(l) is not null).Select(l => m.Input(l)).Distinct();
        Assert.Equal(["title", "abstract"], branches);
        Assert.Null(m.Input(m.Layers[^1]));
        Assert.Throws<ArgumentException>(() => m.Source(m.Layers[0] with { Units = 1 })); // a copy is not one of the member's layers
    }
}
