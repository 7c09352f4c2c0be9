namespace NnViz.Engine.Autograd;

/// <summary>
/// A float32 tensor (row-major managed array) that records how it was made, for reverse-mode autograd in the
/// style of micrograd: each op builds its output and attaches its backward right beside the forward (see the
/// *Ops files); <see cref="Backward"/> sorts the graph topologically and runs the backwards in reverse.
/// Used to compose primitives (and to check the fused kernels against those compositions); the layers run
/// fused kernels for speed.
/// </summary>
public sealed class Tensor
{
    private float[]? _grad;

    public Tensor(float[] data, params int[] shape)
    {
        int n = 1;
        foreach (int d in shape) n *= d;
        if (n != data.Length) throw new ArgumentException($"{data.Length} values for shape [{string.Join(", ", shape)}]");
        Data = data;
        Shape = shape;
    }

    internal Tensor(float[] data, int[] shape, Tensor[] parents, string op) : this(data, shape)
    {
        Parents = parents;
        Op = op;
    }

    public float[] Data { get; }
    public int[] Shape { get; }
    public int Length => Data.Length;
    public int Rank => Shape.Length;
    /// <summary>d(root)/d(this), allocated on first use.</summary>
    public float[] Grad => _grad ??= new float[Data.Length];
    public string Op { get; } = "leaf";
    internal Tensor[] Parents { get; } = [];
    internal Action? BackwardFn { get; set; }

    public static Tensor Zeros(params int[] shape)
    {
        int n = 1;
        foreach (int d in shape) n *= d;
        return new Tensor(new float[n], shape);
    }

    public static Tensor Scalar(float v) => new([v]);

    public float Item => Length == 1 ? Data[0] : throw new InvalidOperationException("not a scalar");

    /// <summary>Reverse-mode pass from this (scalar) tensor: seeds d(this)/d(this) = 1.</summary>
    public void Backward()
    {
        var order = new List<Tensor>();
        var seen = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
        Visit(this, seen, order);
        foreach (var t in order) if (t._grad is not null) Array.Clear(t._grad);
        Array.Fill(Grad, 1f);
        for (int i = order.Count - 1; i >= 0; i--) order[i].BackwardFn?.Invoke();
    }

    private static void Visit(Tensor t, HashSet<Tensor> seen, List<Tensor> order)
    {
        // Iterative post-order so deep graphs (long sequences) do not overflow the stack.
        var stack = new Stack<(Tensor, int)>();
        if (!seen.Add(t)) return;
        stack.Push((t, 0));
        while (stack.Count > 0)
        {
            var (node, next) = stack.Pop();
            if (next < node.Parents.Length)
            {
                stack.Push((node, next + 1));
                var p = node.Parents[next];
                if (seen.Add(p)) stack.Push((p, 0));
            }
            else order.Add(node);
        }
    }

    public override string ToString() => $"Tensor[{string.Join("x", Shape)}] ({Op})";
}
