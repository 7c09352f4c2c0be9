using System.Text;

namespace NnViz.Data;

/// <summary>
/// UCI "Sentiment Labelled Sentences" (Kotzias et al. 2015): <c>sentence&lt;TAB&gt;label</c> per line, label 0 or 1.
/// Read line by line and split on the last TAB; no quote handling, because imdb_labelled.txt has stray quotes
/// that make CSV parsers merge lines. Lines split on LF only (U+0085 inside a sentence is not a break).
/// </summary>
public static class UciSentences
{
    public static IReadOnlyList<string> FileNames { get; } = ["amazon_cells_labelled.txt", "imdb_labelled.txt", "yelp_labelled.txt"];

    public static TextCorpus Read(string path)
    {
        TextFiles.RequireFile(path, "a UCI labelled sentences file (sentence<TAB>label per line)");
        return Parse(File.ReadAllBytes(path), path);
    }

    /// <summary>Parses the bytes of a UCI file (e.g. a member of the UCI zip); <paramref name="path"/> names it in ids and errors.</summary>
    public static TextCorpus Parse(byte[] bytes, string path)
    {
        string all = Encoding.UTF8.GetString(bytes);
        if (all.Length > 0 && all[0] == '\uFEFF') all = all[1..];
        string[] lines = all.Split('\n');
        var texts = new List<string>();
        var labels = new List<float>();
        var ids = new List<string>();
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd('\r');
            if (line.Length == 0) continue;
            int tab = line.LastIndexOf('\t');
            if (tab < 0)
                throw new DataException("no TAB before the label", path, i + 1, "Each line must be: sentence, one TAB, then 0 or 1.");
            string label = line[(tab + 1)..].Trim();
            if (label is not ("0" or "1"))
                throw new DataException($"label '{TextFiles.Shorten(label)}' is not 0 or 1", path, i + 1, "Each line must end with a TAB and 0 or 1.");
            texts.Add(line[..tab].Trim());
            labels.Add(label == "1" ? 1f : 0f);
            ids.Add($"{Path.GetFileName(path)}:{i + 1}");
        }
        return new TextCorpus(Path.GetFileNameWithoutExtension(path), texts.ToArray(), labels.ToArray(), ["positive"], ids.ToArray())
            .NonEmpty(path, "The file has no sentences.");
    }
}
