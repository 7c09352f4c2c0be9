using NnViz.Engine.Nn;
using NnViz.Lab.Specs;

namespace NnViz.Lab.Experiments.ImdbLstm;

/// <summary>Whole-spec checks of the imdb-lstm kind (D2).</summary>
internal static class ImdbLstmChecks
{
    /// <summary>
    /// D2's model shape: an embedding first, one LSTM returning its last state (prefix evaluation needs it), a hidden
    /// dense layer, and a 1-unit sigmoid output with binary cross-entropy; only dropout besides.
    /// </summary>
    public static void ValidateImdb(ExperimentSpec spec, ICollection<SpecError> errors)
    {
        foreach (var m in spec.Members)
        {
            void Add(LayerSpec l, string key, string message) => errors.Add(m.Error(l, key, message));
            var layers = m.Layers;
            if (layers[0].Kind != "embedding") Add(layers[0], "kind", $"the first layer must be an embedding (token ids in), received '{ModelMember.WrittenKind(layers[0])}'");
            if (layers[0].Kind == "embedding" && layers[0].Units == 0) Add(layers[0], "units", "the embedding needs 'units' (its vector size)");
            var lstms = layers.Where(l => l.Kind == "lstm").ToList();
            if (lstms.Count != 1) Add(layers[0], "kind", $"expected exactly one lstm layer, found {lstms.Count}");
            foreach (var l in lstms.Where(l => l.ReturnSequences)) Add(l, "return_sequences", "the LSTM must return its last state (word impacts read the state after every prefix)");
            foreach (var l in layers.Where(l => l.Kind is not ("embedding" or "lstm" or "dropout" or "dense")))
                Add(l, "kind", $"'{ModelMember.WrittenKind(l)}' layers are not supported here (prefix evaluation needs step-by-step layers)");
            foreach (var l in layers.Where(l => l.Kind is "dense" or "lstm" && l.Units == 0)) Add(l, "units", $"{l.Kind} layers need 'units'");
            var dense = layers.Where(l => l.Kind == "dense").ToList();
            if (dense.Count < 2) Add(layers[^1], "kind", "expected a hidden dense layer and a dense output layer");
            var last = layers[^1];
            if (last.Kind != "dense" || last.Units != 1 || last.Activation != "sigmoid")
                Add(last, "activation", $"the output must be dense with 1 unit and sigmoid activation for loss '{spec.Loss}'");
            if (spec.Loss != "binary_crossentropy")
                errors.Add(new SpecError(spec.File, 1, 1, "loss", $"expected binary_crossentropy for a sentiment probability, received '{spec.Loss}'"));
        }
    }
}
