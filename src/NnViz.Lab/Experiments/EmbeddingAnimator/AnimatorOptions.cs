using NnViz.Lab.Experiments.Common;
using NnViz.Lab.Specs;

namespace NnViz.Lab.Experiments.EmbeddingAnimator;

/// <summary>
/// The embedding-animator options: the common ones; the 2-D projection and its consistency figures; the label
/// coloured first; pretrained vectors; word drift (C5); the lettered points of the last epoch (C3).
/// </summary>
public sealed record AnimatorOptions(
    CommonSettings Common, string Projection, double Perplexity, int Iterations, string AlignedStrategy, double MovementPenalty, int QualityK,
    string? ColourLabel, string Pretrained, string? VectorsFolder, IReadOnlyList<string> DriftWords, string DriftColour, int DriftTopWords, int MarkedPoints,
    IReadOnlyList<string> DriftPairs)
{
    public static AnimatorOptions Bind(Section o) => new(
        CommonSettings.Bind(o), o.String("projection"), o.Double("perplexity"), o.Int("iterations"), o.String("aligned_strategy"),
        o.Double("movement_penalty"), o.Int("quality_k"), o.StringOrNull("colour_label"), o.String("pretrained"), o.StringOrNull("vectors_folder"),
        o.Strings("drift_words"), o.String("drift_colour"), o.Int("drift_top_words"), o.Int("marked_points"), o.Strings("drift_pairs"));
}
