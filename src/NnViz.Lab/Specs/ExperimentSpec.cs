namespace NnViz.Lab.Specs;

/// <summary>A claim of the write-up and how it is judged from measured metrics.</summary>
public sealed record ClaimSpec(
    string Id, string Text, string Metric, string? Member, string? Op, double? Value, string? Other,
    string? OtherMetric, double Factor, string? Is, IReadOnlyList<string> Profiles, SourceLocation Where, double? Tolerance = null);

/// <summary>
/// A validated experiment spec with its profile applied. The sections stay as validated <see cref="Section"/>s
/// (with the location of every value, for the whole-spec checks); once every check has passed, the loader binds the
/// typed settings a kind runs on: <see cref="Train"/>, <see cref="OptimizerSettings"/>, <see cref="Recording"/> and
/// the kind's own data and options records (<see cref="DataAs{T}"/>, <see cref="OptionsAs{T}"/>).
/// </summary>
public sealed record ExperimentSpec(
    string Name, string Title, string Description, string Kind, string? Source,
    string DataKind, Section Data, IReadOnlyList<ModelMember> Members, string Loss,
    Section Optimizer, Section Training, Section Record, IReadOnlyList<string> Figures,
    Section Options, IReadOnlyList<ClaimSpec> Claims, string File, string Profile, string EffectiveText,
    IReadOnlyList<SetupChange>? Differences = null)
{
    public TrainingSettings Train { get; init; } = null!;
    public NnViz.Engine.Training.OptimizerSettings OptimizerSettings { get; init; } = null!;
    public RecordSettings Recording { get; init; } = null!;

    /// <summary>The kind's options record, bound by <c>IExperimentKind.BindOptions</c> after validation.</summary>
    public object KindOptions { get; init; } = null!;

    /// <summary>The kind's data record, bound by <c>IExperimentKind.BindData</c> after validation.</summary>
    public object KindData { get; init; } = null!;

    public T DataAs<T>() where T : class => KindData as T
        ?? throw new InvalidOperationException($"spec '{Name}': data is {KindData?.GetType().Name ?? "not bound"}, not {typeof(T).Name}");

    public T OptionsAs<T>() where T : class => KindOptions as T
        ?? throw new InvalidOperationException($"spec '{Name}': options are {KindOptions?.GetType().Name ?? "not bound"}, not {typeof(T).Name}");

    public int Epochs => Train.Epochs;
    public int BatchSize => Train.BatchSize;
    public ulong Seed => Train.Seed;
    public bool Wants(string figure) => Figures.Contains(figure);
}
