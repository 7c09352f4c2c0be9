namespace NnViz.Lab.Specs;

/// <summary>
/// One broken rule in a spec, Keras-style: the path, the rule and the value, and where it is
/// (<c>model.family[0].layers[2].units: expected an integer &gt;= 1, received -3 (experiments/rings.yaml:14:18)</c>).
/// </summary>
public sealed record SpecError(string File, int Line, int Column, string Path, string Message)
{
    public override string ToString() =>
        (Path.Length > 0 ? $"{Path}: " : "") + $"{Message} ({File}:{Line}:{Column})";
}

/// <summary>Raised when a spec (or a profile applied to it) breaks rules; carries every error found, not just the first.</summary>
public sealed class SpecException(IReadOnlyList<SpecError> errors)
    : Exception(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<SpecError> Errors { get; } = errors;
}
