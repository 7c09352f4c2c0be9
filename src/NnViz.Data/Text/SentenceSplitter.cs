namespace NnViz.Data;

/// <summary>
/// Splits a text into sentences after '.', '!' or '?' followed by whitespace (the abstract columns of the
/// seed-001 occlusion heatmap). Deliberately simple: abbreviations such as "e.g. x" split too.
/// </summary>
public static class SentenceSplitter
{
    public static string[] Split(string text)
    {
        var sentences = new List<string>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            bool end = text[i] is '.' or '!' or '?';
            if (end && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])))
            {
                Add(sentences, text[start..(i + 1)]);
                start = i + 1;
            }
        }
        Add(sentences, text[start..]);
        return sentences.ToArray();
    }

    private static void Add(List<string> sentences, string s)
    {
        s = s.Trim();
        if (s.Length > 0) sentences.Add(s);
    }
}
