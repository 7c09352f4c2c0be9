using NnViz.Engine.Kernels;

namespace NnViz.Engine.Tests;

/// <summary>The GEMM fork-join (<see cref="GemmTasks"/>) and the parallel packed path it runs: every task exactly once,
/// no second-phase task before the whole first phase, and products large enough for the real split (default
/// <see cref="ComputeOptions"/>, not the forced MinParallelWork = 0) giving the bits of one thread and of the tiled path.</summary>
public class GemmTasksTests
{
    [Theory]
    [InlineData(1, 0, 5)]
    [InlineData(2, 3, 1)]
    [InlineData(2, 7, 40)]
    [InlineData(4, 12, 200)]
    public void EveryTaskRunsOnceAndTheSecondPhaseWaitsForTheFirst(int threads, int firstCount, int secondCount)
    {
        var first = new int[firstCount];
        var second = new int[secondCount];
        var sawAllFirst = new bool[secondCount];
        GemmTasks.Run(new ComputeOptions(threads), firstCount, t =>
        {
            Thread.SpinWait(2000 * (t % 3)); // uneven first-phase tasks: a second-phase claim must still wait
            Interlocked.Increment(ref first[t]);
        }, secondCount, t =>
        {
            sawAllFirst[t] = first.All(f => f == 1);
            Interlocked.Increment(ref second[t]);
        });
        Assert.All(first, f => Assert.Equal(1, f));
        Assert.All(second, s => Assert.Equal(1, s));
        Assert.All(sawAllFirst, Assert.True);
    }

    [Fact]
    public void FirstPhaseTasksNeedABody() =>
        Assert.Throws<ArgumentNullException>(() => GemmTasks.Run(ComputeOptions.SingleThread, 2, null, 1, _ => { }));

    /// <summary>300x600x400: three k-panels (the last 88 deep) and two column blocks of B (the second 144 columns, ending
    /// in a partial micro-panel) packed as six separate tasks, then 10 blocks of C (64-row blocks, the last 44 rows);
    /// with and without accumulation, on 1, 2 and 4 threads, A and Aᵀ.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SplitPackedProductGivesTheOneThreadAndTiledBits(bool transposed)
    {
        const int m = 300, k = 600, n = 400;
        var rng = new Rng(19);
        var a = GradCheck.RandomF(rng, m * k); var b = GradCheck.RandomF(rng, k * n); var c0 = GradCheck.RandomF(rng, m * n);
        int aRow = transposed ? 1 : k, aCol = transposed ? m : 1;
        Assert.True(PackedGemm.Suits(m, k, n) && !PanelGemm.Suits(m, k, n), "the shape should take the packed path");
        foreach (bool acc in new[] { true, false })
        {
            var tiled = (float[])c0.Clone();
            Gemm.MultiplyTiled(a, aRow, aCol, b, n, tiled, n, m, k, n, acc);
            foreach (int threads in new[] { 1, 2, 4 })
            {
                var packed = (float[])c0.Clone();
                PackedGemm.Multiply(a, aRow, aCol, b, n, packed, n, m, k, n, acc, new ComputeOptions(threads));
                for (int i = 0; i < tiled.Length; i++)
                    if (BitConverter.SingleToInt32Bits(tiled[i]) != BitConverter.SingleToInt32Bits(packed[i]))
                        Assert.Fail($"{threads} threads, acc={acc}, Aᵀ={transposed}: element {i} is {packed[i]:R}, tiled gives {tiled[i]:R}");
            }
        }
    }
}
