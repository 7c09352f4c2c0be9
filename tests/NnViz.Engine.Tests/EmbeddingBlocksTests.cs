using NnViz.Engine.Nn;

namespace NnViz.Engine.Tests;

/// <summary>The Embedding layer copies its rows in blocks of tokens and accumulates its gradient in blocks of ids, in
/// parallel when allowed: with a vocabulary spanning several id blocks and ids repeated across the batch, the outputs,
/// the mask and the gradient (each id's rows added in token order, the order written out here) keep their bits on two
/// threads, and a bad id still fails with the layer's own message before anything is copied.</summary>
public class EmbeddingBlocksTests
{
    [Fact]
    public void BlocksGiveTheInOrderBitsOnOneAndTwoThreads()
    {
        const int vocab = 5000, dim = 13, rows = 40, steps = 70;
        var data = new Rng(17);
        var x = new float[rows * steps];
        for (int i = 0; i < x.Length; i++) x[i] = data.NextInt(4) == 0 ? data.NextInt(8) : data.NextInt(vocab);
        var dy = GradCheck.RandomF(data, rows * steps * dim);
        float[]? firstY = null, firstMask = null, firstGrad = null;
        foreach (int threads in new[] { 1, 2 })
        {
            var model = Sequential.Build(steps, [new LayerSpec("embedding", "e", Units: dim, VocabSize: vocab, MaskZero: true)], new Rng(3));
            model.Compute = new ComputeOptions(threads, MinParallelWork: 0);
            var layer = (Embedding)model.Layers[0];
            var y = model.Forward(model.InputFlow(x, rows), Mode.Train);
            model.Backward(new Flow(dy, rows, steps, dim));
            var expected = new float[vocab * dim];
            for (int i = 0; i < x.Length; i++)
                for (int j = 0; j < dim; j++) expected[(int)x[i] * dim + j] += dy[i * dim + j];
            Assert.Equal(expected.Select(BitConverter.SingleToInt32Bits), layer.Weights.Grad.Select(BitConverter.SingleToInt32Bits));
            for (int i = 0; i < x.Length; i++)
            {
                Assert.Equal(x[i] == 0 ? 0f : 1f, y.Mask![i]);
                for (int j = 0; j < dim; j++) Assert.Equal(layer.Weights.Value[(int)x[i] * dim + j], y.Data[i * dim + j]);
            }
            firstY ??= (float[])y.Data.Clone(); firstMask ??= (float[])y.Mask!.Clone(); firstGrad ??= (float[])layer.Weights.Grad.Clone();
            Assert.Equal(firstY, y.Data); Assert.Equal(firstMask, y.Mask); Assert.Equal(firstGrad, layer.Weights.Grad);
        }
    }

    [Fact]
    public void ABadIdFailsWithTheLayersMessage()
    {
        var model = Sequential.Build(2, [new LayerSpec("embedding", "words", Units: 4, VocabSize: 10)], new Rng(3));
        model.Compute = new ComputeOptions(2, MinParallelWork: 0);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => model.Forward(model.InputFlow([1, 2, 10, 3], 2), Mode.Train));
        Assert.Contains("words: token id outside [0, 10)", ex.Message);
    }
}
