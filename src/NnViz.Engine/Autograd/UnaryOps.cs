namespace NnViz.Engine.Autograd;

/// <summary>Elementwise ops: forward and backward together.</summary>
public static class UnaryOps
{
    private static Tensor Map(Tensor a, string op, Func<float, float> f, Func<float, float, float> dfFromXY)
    {
        var y = new float[a.Length];
        for (int i = 0; i < y.Length; i++) y[i] = f(a.Data[i]);
        var o = new Tensor(y, a.Shape, [a], op);
        o.BackwardFn = () =>
        {
            var g = a.Grad; var go = o.Grad;
            for (int i = 0; i < y.Length; i++) g[i] += go[i] * dfFromXY(a.Data[i], y[i]);
        };
        return o;
    }

    public static Tensor Tanh(this Tensor a) => Map(a, "tanh", MathF.Tanh, (_, y) => 1 - y * y);
    public static Tensor Sigmoid(this Tensor a) => Map(a, "sigmoid", z => 1f / (1f + MathF.Exp(-z)), (_, y) => y * (1 - y));
    public static Tensor Relu(this Tensor a) => Map(a, "relu", z => MathF.Max(z, 0f), (x, _) => x > 0 ? 1f : 0f);
    public static Tensor Exp(this Tensor a) => Map(a, "exp", MathF.Exp, (_, y) => y);
    public static Tensor Log(this Tensor a) => Map(a, "log", MathF.Log, (x, _) => 1f / x);
    public static Tensor Neg(this Tensor a) => Map(a, "neg", z => -z, (_, _) => -1f);
    public static Tensor Square(this Tensor a) => Map(a, "square", z => z * z, (x, _) => 2 * x);
    public static Tensor Scale(this Tensor a, float s) => Map(a, "scale", z => s * z, (_, _) => s);
}
