using System.Globalization;
using System.Text;

namespace NnViz.Data;

/// <summary>
/// The Large Movie Review Dataset (aclImdb v1, Maas et al. 2011): <c>{train,test}/{neg,pos}/&lt;id&gt;_&lt;rating&gt;.txt</c>,
/// one review per file. Texts come neg first then pos, each sorted by numeric id, so the order never depends on
/// the file system. <c>&lt;br /&gt;</c> line breaks become spaces unless <c>keepHtmlBreaks</c>.
/// </summary>
public static class AclImdb
{
    private const string Hint = "Download aclImdb_v1.tar.gz from https://ai.stanford.edu/~amaas/data/sentiment/ and extract it into the data folder (it creates aclImdb/).";

    /// <summary>The aclImdb folder itself, or a folder holding it.</summary>
    public static string ResolveRoot(string folder)
    {
        foreach (string c in new[] { folder, Path.Combine(folder, "aclImdb") })
            if (Directory.Exists(Path.Combine(c, "train")) || Directory.Exists(Path.Combine(c, "test"))) return c;
        throw new DataException("no aclImdb folder (with train/ and test/) here", folder, hint: Hint);
    }

    /// <summary>
    /// Reads one split ("train" or "test") from an aclImdb folder, a folder holding it, or the tarball itself
    /// (read in place, see <see cref="AclImdbArchive"/>); <paramref name="limitPerLabel"/> keeps the lowest ids of each label.
    /// </summary>
    public static TextCorpus Read(string folder, string split, int? limitPerLabel = null, bool keepHtmlBreaks = false)
    {
        if (File.Exists(folder))
        {
            AclImdbSplits both = AclImdbArchive.Read(folder, limitPerLabel, keepHtmlBreaks);
            return split == "train" ? both.Train : split == "test" ? both.Test
                : throw new DataException($"unknown split '{split}'", folder, hint: "Use train or test.");
        }
        string root = ResolveRoot(folder);
        var texts = new List<string>();
        var labels = new List<float>();
        var ids = new List<string>();
        foreach ((string label, float value) in new[] { ("neg", 0f), ("pos", 1f) })
        {
            string dir = Path.Combine(root, split, label);
            if (!Directory.Exists(dir)) throw new DataException($"folder {split}/{label} is missing", root, hint: Hint);
            var files = Directory.GetFiles(dir, "*.txt").Select(f => (Path: f, Key: ParseName(f))).OrderBy(f => f.Key.Id).ToList();
            if (files.Count == 0) throw new DataException($"no .txt reviews in {split}/{label}", dir, hint: Hint);
            foreach (var f in files.Take(limitPerLabel ?? int.MaxValue))
            {
                string text = Encoding.UTF8.GetString(File.ReadAllBytes(f.Path));
                texts.Add(keepHtmlBreaks ? text : text.Replace("<br />", " ").Replace("<br/>", " "));
                labels.Add(value);
                ids.Add($"{split}/{label}/{Path.GetFileName(f.Path)}");
            }
        }
        return new TextCorpus($"aclImdb-{split}", texts.ToArray(), labels.ToArray(), ["positive"], ids.ToArray());
    }

    /// <summary>The id and rating in a file name such as <c>16_7.txt</c>.</summary>
    public static (int Id, int Rating) ParseName(string path)
    {
        string stem = Path.GetFileNameWithoutExtension(path);
        int us = stem.IndexOf('_');
        if (us > 0 && int.TryParse(stem[..us], NumberStyles.None, CultureInfo.InvariantCulture, out int id)
                   && int.TryParse(stem[(us + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int rating))
            return (id, rating);
        throw new DataException("the file name is not <id>_<rating>.txt", path, hint: "Keep aclImdb's original file names.");
    }
}
