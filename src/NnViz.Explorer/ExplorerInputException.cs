namespace NnViz.Explorer;

/// <summary>What is wrong with a user's request, which decides its 4xx status.</summary>
public enum InputProblem
{
    /// <summary>Unreadable or unusable input: empty text, bad JSON, invalid UTF-8 (400).</summary>
    Invalid,

    /// <summary>A body or text over its limit (413).</summary>
    TooLarge,

    /// <summary>A content type or charset the explorer does not read (415).</summary>
    UnsupportedType,

    /// <summary>A body that arrived too slowly (408).</summary>
    TooSlow,
}

/// <summary>
/// A problem with what the user sent, never with NnVizRepro itself: the server answers it 4xx with
/// <see cref="Exception.Message"/>, while any other exception is a bug, answered 500 and logged.
/// </summary>
public sealed class ExplorerInputException(string message, InputProblem problem = InputProblem.Invalid) : Exception(message)
{
    public InputProblem Problem { get; } = problem;

    public int StatusCode => Problem switch
    {
        InputProblem.TooLarge => 413,
        InputProblem.UnsupportedType => 415,
        InputProblem.TooSlow => 408,
        _ => 400,
    };
}
