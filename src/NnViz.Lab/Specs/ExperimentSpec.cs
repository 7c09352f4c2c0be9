namespace NnViz.Lab.Specs;

/// <summary>One layer as the spec declares it (Keras-style config), with where it was declared.</summary>
public sealed record LayerDecl(
    string Kind, string Name, int Units, string Activation, double Rate, bool ReturnSequences,
    string Merge, bool Trainable, string Mode, string? Input, string Path, SourceLocation Where);

/// <summary>One architecture of a family (a single-model spec has one member named "model").</summary>
public sealed record ModelMember(string Name, IReadOnlyList<LayerDecl> Layers, SourceLocation Where)
{
    /// <summary>"1-6-1"-style description from the units (the input width first).</summary>
    public string Shape(int inputDim) => string.Join("-", new[] { inputDim }.Concat(Layers.Where(l => l.Units > 0).Select(l => l.Units)));
}

/// <summary>A claim of the write-up and how it is judged from measured metrics.</summary>
public sealed record ClaimSpec(
    string Id, string Text, string Metric, string? Member, string? Op, double? Value, string? Other,
    string? OtherMetric, double Factor, string? Is, IReadOnlyList<string> Profiles, SourceLocation Where, double? Tolerance = null);

/// <summary>
/// A validated experiment spec with its profile applied. Kind-specific sections (data, options) stay as
/// validated <see cref="Section"/>s read by the experiment kind; everything else is typed.
/// </summary>
public sealed record ExperimentSpec(
    string Name, string Title, string Description, string Kind, string? Source,
    string DataKind, Section Data, IReadOnlyList<ModelMember> Members, string Loss,
    Section Optimizer, Section Training, Section Record, IReadOnlyList<string> Figures,
    Section Options, IReadOnlyList<ClaimSpec> Claims, string File, string Profile, string EffectiveText,
    IReadOnlyList<SetupChange>? Differences = null)
{
    public int Epochs => Training.Int("epochs");
    public int BatchSize => Training.Int("batch_size");
    public ulong Seed => (ulong)Training.Int("seed");
    public bool Wants(string figure) => Figures.Contains(figure);
}
