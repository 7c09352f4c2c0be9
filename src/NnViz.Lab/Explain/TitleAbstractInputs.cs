using NnViz.Data;
using NnViz.Engine;
using NnViz.Engine.Nn;
using NnViz.Lab.Specs;

namespace NnViz.Lab.Explain;

/// <summary>
/// The two-input classifier of seed 001 built from a spec: layers carrying <c>input: title</c> or <c>input: abstract</c>
/// form one branch each (applied in order), a <c>concatenate</c> layer joins the branches' last nodes, and the layers
/// after it form the head. Also the shared encoding: one vocabulary over titles and abstracts, each side pre-padded.
/// </summary>
public sealed class TitleAbstractInputs(TextEncoder title, TextEncoder @abstract)
{
    public TextEncoder Title { get; } = title;
    public TextEncoder Abstract { get; } = @abstract;
    public int Width => Title.MaxLength + Abstract.MaxLength;

    public static TitleAbstractInputs Build(TitleAbstractCorpus corpus, int titleLength, int abstractLength, int numWords)
    {
        var tokens = Tokenizer.Keras.TokenizeAll(corpus.Titles.Concat(corpus.Abstracts));
        var vocab = Vocabulary.Build(tokens, numWords);
        return new TitleAbstractInputs(new TextEncoder(vocab, titleLength), new TextEncoder(vocab, abstractLength));
    }

    /// <summary>Rows of [title ids | abstract ids], the GraphModel's input layout (inputs side by side, in order).</summary>
    public float[] Batch(IReadOnlyList<string> titles, IReadOnlyList<string> abstracts)
    {
        var t = Title.Batch(titles);
        var a = Abstract.Batch(abstracts);
        int n = titles.Count;
        var x = new float[n * Width];
        for (int i = 0; i < n; i++)
        {
            Array.Copy(t, i * Title.MaxLength, x, i * Width, Title.MaxLength);
            Array.Copy(a, i * Abstract.MaxLength, x, i * Width + Title.MaxLength, Abstract.MaxLength);
        }
        return x;
    }

    public static GraphModel BuildModel(IReadOnlyList<LayerDecl> layers, int titleLength, int abstractLength, int vocabSize, Rng rng)
    {
        var last = new Dictionary<string, string>(StringComparer.Ordinal) { ["title"] = "title", ["abstract"] = "abstract" };
        var branchOrder = new List<string>();
        var nodes = new List<GraphNode>();
        string? head = null;
        foreach (var l in layers)
        {
            var spec = Experiments.Common.ModelFactory.ToEngine(l, vocabSize);
            if (l.Kind == "concatenate")
                nodes.Add(new GraphNode(spec, [.. branchOrder.Select(b => last[b])]));
            else if (l.Input is { } input && head is null)
            {
                if (!branchOrder.Contains(input)) branchOrder.Add(input);
                nodes.Add(new GraphNode(spec, [last[input]]));
                last[input] = l.Name;
                continue;
            }
            else nodes.Add(new GraphNode(spec, [head ?? throw new ArgumentException($"{l.Path}: head layers come after the concatenate layer")]));
            head = l.Name;
        }
        var model = GraphModel.Build([new GraphInput("title", titleLength, 1), new GraphInput("abstract", abstractLength, 1)], nodes, rng);
        model.Compute = ComputeOptions.Default;
        return model;
    }
}
