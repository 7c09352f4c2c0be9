using NnViz.Torch;
using TorchSharp;

namespace NnViz.Torch.Tests;

public class RuntimeTests
{
    /// <summary>Fails when the GLIBCXX patch of libLibTorchSharp.so (tools/torch) stops working: the engine would not load.</summary>
    [Fact]
    public void Libtorch_loads_from_the_patched_build_output_and_computes()
    {
        TorchRuntime.Ensure();
        using var a = torch.tensor(new float[] { 1, 2, 3 });
        using var b = (a * a).sum();
        Assert.Equal(14f, b.item<float>());
        Assert.Equal(1, TorchRuntime.Threads);
    }

    [Fact]
    public void Mkl_path_is_pinned_in_the_native_environment()
    {
        TorchRuntime.Ensure();
        string expected = Environment.GetEnvironmentVariable("MKL_CBWR") is { Length: > 0 } set ? set : TorchRuntime.MklPath;
        Assert.Equal(expected, TorchRuntime.NativeMklPath);
    }
}

public class FlushDenormalTests
{
    [Fact]
    public void Flush_denormal_scope_flushes_libtorch_arithmetic_on_this_thread_and_restores_it()
    {
        TorchRuntime.Ensure();
        float Product()
        {
            using var a = torch.tensor(new float[] { 1e-30f });
            using var b = torch.tensor(new float[] { 1e-10f });
            using var c = a * b;
            return c.item<float>();
        }
        Assert.True(Product() is > 0 and < float.MinValue * -1e-30f, "IEEE arithmetic keeps the denormal 1e-40");
        using (TorchRuntime.FlushDenormalsScope()) Assert.Equal(0f, Product());
        Assert.NotEqual(0f, Product());
    }
}
