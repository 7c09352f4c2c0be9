namespace NnViz.Data;

/// <summary>
/// A problem with the user's data, told in words a user can act on: what is wrong, in which file and line,
/// and a hint of what to do. Readers throw this instead of letting parser exceptions escape, so the CLI can
/// print <see cref="Exception.Message"/> and exit without a stack trace.
/// </summary>
public sealed class DataException : Exception
{
    public DataException(string problem, string? file = null, long? line = null, string? hint = null, Exception? inner = null)
        : base(Format(problem, file, line, hint), inner)
    {
        Problem = problem;
        File = file;
        Line = line;
        Hint = hint;
    }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }

    /// <summary>The file at fault, as the caller named it (null when not about one file).</summary>
    public string? File { get; }

    /// <summary>1-based line number where it applies.</summary>
    public long? Line { get; }

    /// <summary>What the user can do about it.</summary>
    public string? Hint { get; }

    private static string Format(string problem, string? file, long? line, string? hint)
    {
        string where = file is null ? "" : line is null ? $"{file}: " : $"{file}:{line}: ";
        return hint is null ? where + problem : $"{where}{problem}\n  hint: {hint}";
    }
}
