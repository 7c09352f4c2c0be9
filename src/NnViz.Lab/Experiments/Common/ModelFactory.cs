using NnViz.Engine;
using NnViz.Engine.Nn;
using NnViz.Engine.Training;
using NnViz.Lab.Experiments.Pipeline;
using NnViz.Lab.Specs;

namespace NnViz.Lab.Experiments.Common;

/// <summary>Turns the spec's model, loss and optimizer into a trainable model of the spec's engine (Keras defaults throughout).</summary>
public static class ModelFactory
{
    /// <summary>A member's layers as the engine builds them: every layer carries the vocabulary size (0 without text).</summary>
    public static IReadOnlyList<LayerSpec> EngineLayers(ModelMember member, int vocabSize = 0) =>
        [.. member.Layers.Select(l => l with { VocabSize = vocabSize })];

    /// <summary>The engine recipe of a member: its layers, the spec's loss and optimizer.</summary>
    public static ModelRecipe Recipe(ExperimentSpec spec, ModelMember member, int inputWidth, int vocabSize = 0) =>
        new(inputWidth, EngineLayers(member, vocabSize), spec.Loss, spec.OptimizerSettings);

    /// <summary>Builds a member's network on the spec's engine; its initial weights come from rng.Fork("model/{member}").</summary>
    public static ITrainableModel Build(ExperimentSpec spec, ModelMember member, int inputWidth, Rng root, int vocabSize = 0) =>
        Engines.ByName(spec.Train.Engine).Build(Recipe(spec, member, inputWidth, vocabSize), root.Fork($"model/{member.Name}"));

    /// <summary>The stream that reshuffles the training rows every epoch (null when training.shuffle is false).</summary>
    public static Rng? Shuffle(ExperimentSpec spec, Rng root, string stream) => spec.Train.Shuffle ? root.Fork(stream) : null;

    /// <summary>Common whole-spec checks for dense networks on numeric data: only dense layers, output width matches the target.</summary>
    public static void ValidateDense(ExperimentSpec spec, int outputUnits, ICollection<SpecError> errors, string? outputActivation = null)
    {
        foreach (var m in spec.Members)
        {
            foreach (var l in m.Layers.Where(l => l.Kind is not ("dense" or "")))
                errors.Add(m.Error(l, "kind", $"kind '{spec.Kind}' trains dense networks on numeric data; '{ModelMember.WrittenKind(l)}' layers are not supported here"));
            foreach (var l in m.Layers.Where(l => l.Kind == "dense" && l.Units == 0))
                errors.Add(m.Error(l, "units", "dense layers need 'units'"));
            var last = m.Layers[^1];
            if (last.Kind == "dense" && last.Units != 0 && last.Units != outputUnits)
                errors.Add(m.Error(last, "units", $"shape mismatch: the output layer has {last.Units} units but the target has {outputUnits} column(s)"));
            if (outputActivation is not null && last.Activation != outputActivation)
                errors.Add(m.Error(last, "activation", $"expected '{outputActivation}' on the output layer for loss '{spec.Loss}', received '{last.Activation}'"));
        }
    }
}
