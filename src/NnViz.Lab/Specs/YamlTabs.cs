using YamlDotNet.Core;

namespace NnViz.Lab.Specs;

/// <summary>
/// YAML forbids tabs in indentation, and YamlDotNet reports such a tab at the start of the enclosing mapping (often
/// 1:1). This finds the tab itself, so the error points at the line and column to fix.
/// </summary>
public static class YamlTabs
{
    public const string Message = "YAML does not allow tabs for indentation; use spaces";

    /// <summary>The parser error as file position and message: a tab in indentation at its own line:column, else the parser's mark.</summary>
    public static (int Line, int Column, string Message) Describe(YamlException e, string text)
    {
        string parser = (e.InnerException?.Message ?? e.Message).Split('\n')[0];
        if (parser.Contains("tab", StringComparison.OrdinalIgnoreCase) && IndentTab(text, (int)e.Start.Line) is var (line, column))
            return (line, column, Message);
        return ((int)e.Start.Line, (int)e.Start.Column, $"invalid YAML: {parser}");
    }

    /// <summary>The first tab among a line's leading blanks at or after line <paramref name="from"/> (1-based), or null.</summary>
    public static (int Line, int Column)? IndentTab(string text, int from = 1)
    {
        string[] lines = text.Split('\n');
        for (int i = Math.Max(0, from - 1); i < lines.Length; i++)
        {
            string l = lines[i];
            for (int c = 0; c < l.Length && l[c] is ' ' or '\t'; c++)
                if (l[c] == '\t') return (i + 1, c + 1);
        }
        return null;
    }
}
