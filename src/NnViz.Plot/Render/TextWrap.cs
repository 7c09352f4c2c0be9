namespace NnViz.Plot;

/// <summary>Greedy word wrapping by character count (a pure renderer has no font metrics; ~0.6 em per character).</summary>
public static class TextWrap
{
    public const double CharWidth = 0.6;

    /// <summary>Lines of at most <paramref name="maxChars"/> characters; at most <paramref name="maxLines"/>, the last ending in "…" if cut.</summary>
    public static IReadOnlyList<string> Wrap(string text, int maxChars, int maxLines = int.MaxValue)
    {
        maxChars = Math.Max(4, maxChars);
        var lines = new List<string>();
        string line = "";
        foreach (string word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            string w = word;
            while (w.Length > maxChars) // a word longer than a line is broken
            {
                if (line.Length > 0) { lines.Add(line); line = ""; }
                lines.Add(w[..maxChars]);
                w = w[maxChars..];
            }
            if (line.Length == 0) line = w;
            else if (line.Length + 1 + w.Length <= maxChars) line += " " + w;
            else { lines.Add(line); line = w; }
        }
        if (line.Length > 0) lines.Add(line);
        if (lines.Count <= maxLines) return lines;
        var kept = lines.Take(maxLines).ToList();
        string last = kept[^1];
        kept[^1] = (last.Length >= maxChars ? last[..(maxChars - 1)] : last) + "…";
        return kept;
    }

    public static double Width(string text, double fontSize) => text.Length * fontSize * CharWidth;
}
