using NnViz.Data;
using NnViz.Engine;
using NnViz.Lab.Experiments;
using NnViz.Lab.Experiments.ImageProjections;
using NnViz.Lab.Runs;
using NnViz.Lab.Specs;

namespace NnViz.Lab.Tests;

public class ProjectionsTests
{
    [Fact]
    public void KindIsRegistered() => Assert.IsType<ProjectionsKind>(ExperimentKinds.ByName["image-projections"]);

    /// <summary>The spec's MLP (ci sizes: 1 epoch on 500 images) trained on Fashion-MNIST: its hidden layer's activations
    /// come back one row per sampled image, in sample order, are ReLU outputs, and the network beats chance on the sample.</summary>
    [Fact]
    public void TrainedHiddenLayerFollowsTheSample()
    {
        var spec = SpecLoader.Load(Path.Combine(Lab.Experiments, "mnist-projections.yaml"), Profile.Load(Lab.Configs, "ci"));
        var train = Mnist.Load(Mnist.DebianFashionMnistFolder, MnistSplit.Train, Mnist.FashionNames, "fashion-mnist", 500);
        var test = Mnist.Load(Mnist.DebianFashionMnistFolder, MnistSplit.Test, Mnist.FashionNames, "fashion-mnist", 200);
        int[] rows = [.. Enumerable.Range(0, 200), 7]; // row 7 twice: same image, same activations
        var h = ProjectionsKind.TrainHidden(spec, train, test, rows, new Rng(spec.Seed), _ => { });
        Assert.Equal(64, h.Width);
        Assert.Equal(rows.Length * 64, h.Activations.Length);
        Assert.Equal(spec.Epochs, h.Loss.Length);   // one training loss per epoch of the ci profile
        Assert.True(h.Loss[^1] < h.Loss[0], "the MLP's loss falls over its epochs");
        Assert.Equal(500, h.TrainImages);
        Assert.All(h.Activations, v => Assert.True(v >= 0f));
        Assert.Equal(h.Activations.AsSpan(7 * 64, 64).ToArray(), h.Activations.AsSpan(200 * 64, 64).ToArray());
        Assert.NotEqual(h.Activations.AsSpan(7 * 64, 64).ToArray(), h.Activations.AsSpan(8 * 64, 64).ToArray());
        Assert.True(h.SampleAccuracy > 0.3, $"sample accuracy {h.SampleAccuracy} (chance 0.1)");
        var again = ProjectionsKind.TrainHidden(spec, train, test, rows, new Rng(spec.Seed), _ => { });
        Assert.Equal(h.Activations, again.Activations);
    }
}
