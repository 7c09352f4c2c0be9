using NnViz.Engine.Nn;
using NnViz.Engine.Training;

namespace NnViz.Engine.Tests;

/// <summary>A large parameter's update runs in fixed element blocks over the threads (an embedding of 10,000 x 128 is
/// 1.28 M elements per Adam step): the bits must equal the one-thread update after several steps, for every optimizer,
/// on a length that is not a multiple of the block or of the vector width, beside a small parameter.</summary>
public class OptimizerBlocksTests
{
    private static (Parameter big, Parameter small) Make()
    {
        var big = new Parameter("big", [100_003]);
        var small = new Parameter("small", [13]);
        var rng = new Rng(17);
        foreach (var p in new[] { big, small })
            for (int i = 0; i < p.Length; i++) p.Value[i] = (float)(rng.NextDouble() - 0.5);
        return (big, small);
    }

    private static IOptimizer Create(string kind, IReadOnlyList<Parameter> ps) => kind switch
    {
        "adam" => new Adam(ps),
        "rmsprop" => new RmsProp(ps),
        "sgd" => new Sgd(ps, 0.05, momentum: 0.9, nesterov: true),
        _ => new Sgd(ps, 0.05),
    };

    [Theory]
    [InlineData("adam")]
    [InlineData("rmsprop")]
    [InlineData("sgd")]
    [InlineData("plain-sgd")]
    public void BlockedUpdatesGiveTheOneThreadBits(string kind)
    {
        float[][] Run(ComputeOptions compute)
        {
            var (big, small) = Make();
            var opt = Create(kind, [big, small]);
            var rng = new Rng(5);
            for (int step = 0; step < 4; step++)
            {
                foreach (var p in new[] { big, small })
                    for (int i = 0; i < p.Length; i++) p.Grad[i] = (float)(rng.NextDouble() - 0.5) * (step + 1);
                opt.Step(compute);
            }
            return [big.Value, small.Value];
        }
        var one = Run(ComputeOptions.SingleThread);
        var two = Run(new ComputeOptions(2, MinParallelWork: 0));
        var (b0, _) = Make();
        Assert.NotEqual(b0.Value, one[0]); // the steps moved the weights
        Assert.Equal(one[0], two[0]);
        Assert.Equal(one[1], two[1]);
    }
}
