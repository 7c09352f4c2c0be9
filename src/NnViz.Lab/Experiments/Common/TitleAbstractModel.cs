using NnViz.Engine;
using NnViz.Engine.Nn;
using NnViz.Lab.Specs;

namespace NnViz.Lab.Experiments.Common;

/// <summary>
/// The two-input classifier of seed 001 built from a spec: layers carrying <c>input: title</c> or <c>input: abstract</c>
/// form one branch each (applied in order), a <c>concatenate</c> layer joins the branches' last nodes, and the layers
/// after it form the head. Its inputs are encoded by <see cref="NnViz.Lab.Text.TitleAbstractInputs"/>.
/// </summary>
public static class TitleAbstractModel
{
    public static GraphModel Build(ModelMember member, int titleLength, int abstractLength, int vocabSize, Rng rng)
    {
        var last = new Dictionary<string, string>(StringComparer.Ordinal) { ["title"] = "title", ["abstract"] = "abstract" };
        var branchOrder = new List<string>();
        var nodes = new List<GraphNode>();
        string? head = null;
        foreach (var l in member.Layers)
        {
            var spec = l with { VocabSize = vocabSize };
            if (l.Kind == "concatenate")
                nodes.Add(new GraphNode(spec, [.. branchOrder.Select(b => last[b])]));
            else if (member.Input(l) is { } input && head is null)
            {
                if (!branchOrder.Contains(input)) branchOrder.Add(input);
                nodes.Add(new GraphNode(spec, [last[input]]));
                last[input] = l.Name;
                continue;
            }
            else nodes.Add(new GraphNode(spec, [head ?? throw new ArgumentException($"{member.Source(l).Path}: head layers come after the concatenate layer")]));
            head = l.Name;
        }
        var model = GraphModel.Build([new GraphInput("title", titleLength, 1), new GraphInput("abstract", abstractLength, 1)], nodes, rng);
        model.Compute = ComputeOptions.Default;
        return model;
    }
}
