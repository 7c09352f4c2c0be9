using NnViz.Engine.Kernels;

namespace NnViz.Engine.Autograd;

/// <summary>Binary ops: elementwise with equal shapes, or a row vector [n] broadcast over a matrix [m, n]; and the matrix product.</summary>
public static class BinaryOps
{
    private static Tensor Zip(Tensor a, Tensor b, string op, Func<float, float, float> f,
        Func<float, float, float> da, Func<float, float, float> db)
    {
        int n = b.Length;
        if (a.Length % n != 0 || (a.Length != n && (b.Rank != 1 || a.Shape[^1] != n)))
            throw new ArgumentException($"{op}: cannot broadcast [{string.Join(",", b.Shape)}] over [{string.Join(",", a.Shape)}]");
        var y = new float[a.Length];
        for (int i = 0; i < y.Length; i++) y[i] = f(a.Data[i], b.Data[i % n]);
        var o = new Tensor(y, a.Shape, [a, b], op);
        o.BackwardFn = () =>
        {
            var ga = a.Grad; var gb = b.Grad; var go = o.Grad;
            for (int i = 0; i < y.Length; i++)
            {
                ga[i] += go[i] * da(a.Data[i], b.Data[i % n]);
                gb[i % n] += go[i] * db(a.Data[i], b.Data[i % n]);
            }
        };
        return o;
    }

    public static Tensor Add(this Tensor a, Tensor b) => Zip(a, b, "add", (x, y) => x + y, (_, _) => 1, (_, _) => 1);
    public static Tensor Sub(this Tensor a, Tensor b) => Zip(a, b, "sub", (x, y) => x - y, (_, _) => 1, (_, _) => -1);
    public static Tensor Mul(this Tensor a, Tensor b) => Zip(a, b, "mul", (x, y) => x * y, (_, y) => y, (x, _) => x);

    /// <summary>[m, k] · [k, n] with the deterministic GEMM; backward dA = dC·Bᵀ, dB = Aᵀ·dC.</summary>
    public static Tensor MatMul(this Tensor a, Tensor b)
    {
        int m = a.Shape[0], k = a.Shape[1], n = b.Shape[1];
        if (b.Shape[0] != k) throw new ArgumentException($"matmul: [{m},{k}] x [{b.Shape[0]},{n}]");
        var y = new float[m * n];
        Gemm.Multiply<float>(a.Data, k, 1, b.Data, n, y, n, m, k, n, accumulate: false);
        var o = new Tensor(y, [m, n], [a, b], "matmul");
        o.BackwardFn = () =>
        {
            var bT = new float[k * n];
            Gemm.Transpose<float>(b.Data, k, n, bT);
            Gemm.Multiply<float>(o.Grad, n, 1, bT, k, a.Grad, k, m, n, k, accumulate: true);
            Gemm.Multiply<float>(a.Data, 1, k, o.Grad, n, b.Grad, n, k, m, n, accumulate: true);
        };
        return o;
    }
}
