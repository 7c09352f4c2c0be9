using NnViz.Lab.Experiments;
using NnViz.Lab.Experiments.NeuronWeights;

namespace NnViz.Lab.Tests;

public class NeuronWeightsTests
{
    [Fact]
    public void NeuronImagesAreKernelColumns()
    {
        // kernel [3 inputs, 2 hidden] row-major: neuron 1's image is column 1.
        float[] k = [1, 2, 3, 4, 5, 6];
        Assert.Equal([2f, 4f, 6f], WeightImages.NeuronImages(k, 3, 2, 2)[3..]);
    }

    [Fact]
    public void ClassTemplatesAreTheMatrixProduct()
    {
        float[] w1 = [1, 2, 3, 4]; // [2 inputs, 2 hidden]
        float[] w2 = [1, 0, 0, 1, 1, -1]; // [2 hidden, 3 classes]
        // W1 W2 = [[1+2, 2, -2], [3+4, 4, -4]]; class-major: class c's image over the 2 inputs.
        Assert.Equal([3f, 7f, 2f, 4f, -2f, -4f], WeightImages.ClassTemplates(w1, w2, 2, 2, 3));
    }

    [Fact]
    public void RoughnessIsZeroForARampAndAboutOneForNoise()
    {
        var ramp = new float[28 * 28];
        for (int y = 0; y < 28; y++) for (int x = 0; x < 28; x++) ramp[y * 28 + x] = x + y;
        Assert.InRange(WeightImages.Roughness(ramp, 1, 28, 28), 0, 0.05);
        var rng = new NnViz.Engine.Rng(7);
        float[] noise = [.. Enumerable.Range(0, 20 * 784).Select(_ => (float)rng.NextGaussian())];
        Assert.InRange(WeightImages.Roughness(noise, 20, 28, 28), 0.95, 1.05);
        var checker = new float[784];
        for (int i = 0; i < 784; i++) checker[i] = ((i / 28) + (i % 28)) % 2 == 0 ? 1 : -1;
        Assert.InRange(WeightImages.Roughness(checker, 1, 28, 28), 1.9, 2.0); // every neighbour differs by 2 sd
    }
}
