using NnViz.Lab.Runs;
using NnViz.Lab.Specs;

namespace NnViz.Lab.Tests;

/// <summary>A spec's model members hold the engine's layer configurations, each with where the spec declared it.</summary>
public class ModelMemberTests
{
    private static ExperimentSpec Load(string file) => SpecLoader.Load(file, Profile.Load(Lab.Configs, "ci"));

    /// <summary>
    /// toxic-word-drift with a mean-pool model in place of its BiLSTM (the spec's model before it followed the
    /// write-up): no catalogue spec pools any more, so the pooling cases are written here. The pool is at 26:7.
    /// </summary>
    private static string PoolSpec(string dir, string mode)
    {
        string text = File.ReadAllText(Path.Combine(Lab.Experiments, "toxic-word-drift.yaml"));
        const string bilstm = "    - {kind: embedding, units: 50}\n    - {kind: bidirectional, units: 16, name: bilstm}\n";
        Assert.Contains(bilstm, text);
        string pooled = "    - {kind: embedding, units: 16}\n    - {kind: pool, mode: " + mode + "}\n    - {kind: dense, units: 16, activation: relu, name: bilstm}\n";
        string file = Path.Combine(dir, $"pool-{mode}.yaml");
        File.WriteAllText(file, text.Replace(bilstm, pooled, StringComparison.Ordinal));
        return file;
    }

    [Fact]
    public void LayersAreTheEnginesConfigurationsWithTheirDeclarations()
    {
        string dir = Lab.TempDir("mean-pool");
        var m = Assert.Single(Load(PoolSpec(dir, "mean")).Members);
        Assert.Equal(["embedding", "global_average_pooling1d", "dense", "dense"], m.Layers.Select(l => l.Kind));
        Assert.Equal(["embedding_1", "pool_2", "bilstm", "dense_4"], m.Layers.Select(l => l.Name));
        Assert.Equal([true, false, false, false], m.Layers.Select(l => l.MaskZero)); // token id 0 pads the embedding's input
        Assert.Equal(["embedding", "pool", "dense", "dense"], m.Layers.Select(ModelMember.WrittenKind));
        Assert.Equal(["model.layers[0]", "model.layers[1]", "model.layers[2]", "model.layers[3]"], m.Sources.Select(s => s.Path));
        var pool = m.Source(m.Layers[1]);
        Assert.Equal((26, 7), (pool.Where.Line, pool.Where.Column));
        Assert.EndsWith("pool-mean.yaml", pool.Where.File);
        Assert.Null(pool.Input);
        var e = m.Error(m.Layers[1], "mode", "a message");
        Assert.Equal("model.layers[1].mode", e.Path);
        Assert.Equal((26, 7), (e.Line, e.Column));
        Assert.Equal("model.layers[1]", m.Error(m.Layers[1], null, "a message").Path);
        Directory.Delete(dir, true);
    }

    [Fact]
    public void MaxPoolIsTheEnginesGlobalMaxPooling()
    {
        string dir = Lab.TempDir("max-pool");
        var m = Load(PoolSpec(dir, "max")).Members[0];
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
