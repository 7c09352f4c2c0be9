using System.Runtime.InteropServices;
using TorchSharp;

namespace NnViz.Torch;

/// <summary>
/// Loads libtorch once per process with NnVizRepro's determinism settings. MKL_CBWR=AVX2,STRICT (unless the user set
/// MKL_CBWR) pins MKL to its AVX2 code path, so an AVX-512 machine gives the same bits as an AVX2 one, and STRICT makes
/// its GEMMs bit-identical for any thread count (without it, 1 and 2 threads differ in the last bits); it is written into the
/// native environment (libc setenv: .NET's SetEnvironmentVariable does not reach native code on Linux) before libtorch
/// loads. libtorch runs one intra-op thread unless told otherwise (two were erratic on shared cores).
/// </summary>
public static class TorchRuntime
{
    private static readonly Lock Gate = new();
    private static bool _ready;

    /// <summary>The MKL path NnVizRepro pins when the environment names none.</summary>
    public const string MklPath = "AVX2,STRICT";

    /// <summary>Loads libtorch (idempotent; one intra-op thread at first load) and, when given, sets the intra-op threads
    /// (a process-wide libtorch setting). Throws a clear error when libtorch cannot load.</summary>
    public static void Ensure(int? threads = null)
    {
        lock (Gate)
        {
            if (!_ready)
            {
                if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("MKL_CBWR")))
                {
                    Environment.SetEnvironmentVariable("MKL_CBWR", MklPath);
                    _ = SetEnv("MKL_CBWR", MklPath, 0);
                }
                Load();
                _ready = true;
                threads ??= 1;
            }
            if (threads is int n && torch.get_num_threads() != n) torch.set_num_threads(n);
        }
    }

    /// <summary>The intra-op threads libtorch uses now.</summary>
    public static int Threads => torch.get_num_threads();

    /// <summary>MKL_CBWR as the native code sees it.</summary>
    public static string? NativeMklPath => Marshal.PtrToStringUTF8(GetEnv("MKL_CBWR"));

    private static void Load()
    {
        try
        {
            torch.InitializeDeviceType(DeviceType.CPU);
            torch.manual_seed(0);
        }
        catch (Exception e) when (e is NotSupportedException or DllNotFoundException or TypeInitializationException)
        {
            throw new InvalidOperationException(
                "NnVizRepro's torch engine could not load libtorch. TorchSharp's message may blame a missing libtorch " +
                "package; the usual cause on Debian 12 is that libLibTorchSharp.so needs GLIBCXX_3.4.32 and the build " +
                "step tools/torch/weaken_version_need.py (imported from tools/torch/LibTorchSharpPatch.targets) did not run " +
                "on the copy in the output folder. Check with: ldd <output>/runtimes/linux-x64/native/libLibTorchSharp.so. " +
                "TorchSharp said: " + e.Message, e);
        }
    }

    /// <summary>libtorch's flush-denormal switch (torch.set_flush_denormal, which TorchSharp does not expose): sets or
    /// clears FTZ/DAZ in the calling thread's MXCSR. Per thread, and it would also change .NET code on that thread (our own
    /// engine included), so callers scope it (<see cref="FlushDenormalsScope"/>). Returns false when the CPU lacks it.</summary>
    public static bool SetFlushDenormal(bool on)
    {
        Ensure();
        return ContextSetFlushDenormal(on);
    }

    /// <summary>Flushes denormals to zero on this thread until disposed (then restores IEEE behaviour, .NET's default).</summary>
    public static IDisposable FlushDenormalsScope()
    {
        SetFlushDenormal(true);
        return new Restore();
    }

    private sealed class Restore : IDisposable
    {
        private bool _done;
        public void Dispose()
        {
            if (_done) return;
            _done = true;
            SetFlushDenormal(false);
        }
    }

    /// <summary>The static member at::Context::setFlushDenormal(bool) of libtorch_cpu (C++ name, no this pointer).</summary>
    [DllImport("libtorch_cpu", EntryPoint = "_ZN2at7Context16setFlushDenormalEb")]
    [return: MarshalAs(UnmanagedType.U1)]
    private static extern bool ContextSetFlushDenormal([MarshalAs(UnmanagedType.U1)] bool on);

    [DllImport("libc", EntryPoint = "setenv")]
    private static extern int SetEnv([MarshalAs(UnmanagedType.LPUTF8Str)] string name, [MarshalAs(UnmanagedType.LPUTF8Str)] string value, int overwrite);

    [DllImport("libc", EntryPoint = "getenv")]
    private static extern IntPtr GetEnv([MarshalAs(UnmanagedType.LPUTF8Str)] string name);
}
