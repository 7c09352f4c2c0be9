using System.Reflection;
using System.Runtime.CompilerServices;

namespace NnViz.Bench.Engine;

public static partial class Workloads
{
    /// <summary>JIT milliseconds of each method of the engine assembly compiled on its own (RuntimeHelpers.PrepareMethod:
    /// fully optimised for AggressiveOptimization methods, tier 0 otherwise; generic methods over float, the dense stack
    /// over its AVX-512 lanes), the 25 dearest (bench/engine jit-costs, a fresh process).</summary>
    public static BenchResult JitCosts(int threads)
    {
        var asm = typeof(NnViz.Engine.Nn.Dense).Assembly;
        var costs = new List<(string, double)>();
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;
        var lanes = asm.GetType("NnViz.Engine.Kernels.Lanes512")!;
        foreach (var type in asm.GetTypes())
        {
            if (type.IsGenericTypeDefinition || type.IsInterface) continue;
            foreach (var m in type.GetMethods(all))
            {
                if (m.IsAbstract || m.GetMethodBody() is null) continue;
                MethodInfo target = m;
                try
                {
                    if (m.IsGenericMethodDefinition)
                    {
                        var args = m.GetGenericArguments();
                        if (args.Length == 1) target = m.MakeGenericMethod(typeof(float));
                        else if (args.Length == 2 && type.Name.StartsWith("DenseStack", StringComparison.Ordinal))
                            target = m.MakeGenericMethod(typeof(System.Runtime.Intrinsics.Vector512<float>), lanes);
                        else continue;
                    }
                    var t0 = System.Runtime.JitInfo.GetCompilationTime();
                    RuntimeHelpers.PrepareMethod(target.MethodHandle, target.IsGenericMethod ? [.. target.GetGenericArguments().Select(a => a.TypeHandle)] : null);
                    costs.Add(($"{type.Name}.{m.Name}{(m.IsGenericMethod ? "<>" : "")}", (System.Runtime.JitInfo.GetCompilationTime() - t0).TotalMilliseconds));
                }
                catch (ArgumentException) { }
            }
        }
        var top = costs.OrderByDescending(c => c.Item2).Take(Environment.GetEnvironmentVariable("JIT_COSTS_ALL") is null ? 25 : costs.Count);
        return new BenchResult(costs.Sum(c => c.Item2) / 1000, "s JIT", string.Join("; ", top.Select(c => Inv($"{c.Item1} {c.Item2:F2}"))));
    }
}
