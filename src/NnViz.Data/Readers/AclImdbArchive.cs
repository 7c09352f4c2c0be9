using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace NnViz.Data;

/// <summary>Both labelled splits of aclImdb, each neg then pos, sorted by numeric id (as <see cref="AclImdb.Read"/>).</summary>
public sealed record AclImdbSplits(TextCorpus Train, TextCorpus Test);

/// <summary>
/// aclImdb read in place from its gzip tarball (<c>aclImdb_v1.tar.gz</c> or a repack with the same layout): one pass
/// over the archive collects <c>{train,test}/{neg,pos}/&lt;id&gt;_&lt;rating&gt;.txt</c>; <c>train/unsup</c> and the
/// other members are skipped. A corrupt or truncated archive is a <see cref="DataException"/> naming the tarball
/// and how many members were read.
/// </summary>
public static partial class AclImdbArchive
{
    private const string Hint = "The archive is damaged: download it again (nnviz data fetch aclimdb resumes or restarts it).";

    [GeneratedRegex(@"(?:^|/)(train|test)/(neg|pos)/(\d+)_(\d+)\.txt$", RegexOptions.CultureInvariant)]
    private static partial Regex ReviewName();

    /// <summary>Reads both splits; <paramref name="limitPerLabel"/> keeps the lowest ids of each split and label.</summary>
    public static AclImdbSplits Read(string tarball, int? limitPerLabel = null, bool keepHtmlBreaks = false)
    {
        var reviews = new List<(string Split, string Label, int Id, string Name, string Text)>();
        Scan(tarball, (name, m, data) =>
        {
            string text = Encoding.UTF8.GetString(data);
            if (!keepHtmlBreaks) text = text.Replace("<br />", " ").Replace("<br/>", " ");
            reviews.Add((m.Groups[1].Value, m.Groups[2].Value, int.Parse(m.Groups[3].ValueSpan), Path.GetFileName(name), text));
        });
        return new AclImdbSplits(Corpus(reviews, "train", limitPerLabel, tarball), Corpus(reviews, "test", limitPerLabel, tarball));
    }

    /// <summary>
    /// Counts the reviews per "split/label/rating" without keeping their texts (for identities and checks). Every
    /// complete pass over a tarball (<see cref="Read"/> too) records its counts, so reading a set and then asking for its
    /// identity decompresses it once.
    /// </summary>
    public static SortedDictionary<string, int> CountRatings(string tarball) =>
        new(Counted.TryGetValue(StateOf(tarball), out SortedDictionary<string, int>? known) ? known : Scan(tarball, (_, _, _) => { }, readData: false),
            StringComparer.Ordinal);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SortedDictionary<string, int>> Counted = new(StringComparer.Ordinal);

    private static string StateOf(string path)
    {
        var f = new FileInfo(path);
        return $"{f.FullName}:{f.Length}:{f.LastWriteTimeUtc.Ticks}";
    }

    private static TextCorpus Corpus(List<(string Split, string Label, int Id, string Name, string Text)> all, string split, int? limit, string tarball)
    {
        var texts = new List<string>();
        var labels = new List<float>();
        var ids = new List<string>();
        foreach ((string label, float value) in new[] { ("neg", 0f), ("pos", 1f) })
        {
            var part = all.Where(r => r.Split == split && r.Label == label).OrderBy(r => r.Id).Take(limit ?? int.MaxValue).ToList();
            if (part.Count == 0) throw new DataException($"the archive has no {split}/{label} reviews", tarball, hint: "Expected aclImdb's layout: aclImdb/{train,test}/{neg,pos}/<id>_<rating>.txt.");
            foreach (var r in part)
            {
                texts.Add(r.Text);
                labels.Add(value);
                ids.Add($"{split}/{label}/{r.Name}");
            }
        }
        return new TextCorpus($"aclImdb-{split}", texts.ToArray(), labels.ToArray(), ["positive"], ids.ToArray());
    }

    private static SortedDictionary<string, int> Scan(string tarball, Action<string, Match, byte[]> onReview, bool readData = true)
    {
        TextFiles.RequireFile(tarball, "the aclImdb tarball (aclImdb_v1.tar.gz)");
        int members = 0;
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        try
        {
            using FileStream file = File.OpenRead(tarball);
            if (GzipCheck.NotGzip(file) is string instead) throw new DataException(instead, tarball, hint: Hint);
            using var gzip = new GZipStream(file, CompressionMode.Decompress, leaveOpen: true);
            var gz = new CountingStream(gzip);
            using var tar = new TarReader(gz);
            while (tar.GetNextEntry() is TarEntry e)
            {
                members++;
                if (e.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || ReviewName().Match(e.Name) is not { Success: true } m) continue;
                byte[] data = [];
                if (readData && e.DataStream is Stream s)
                {
                    data = new byte[e.Length];
                    s.ReadExactly(data);
                }
                string key = $"{m.Groups[1].Value}/{m.Groups[2].Value}/{m.Groups[4].Value}";
                counts[key] = counts.GetValueOrDefault(key) + 1;
                onReview(e.Name, m, data);
            }
            gz.CopyTo(Stream.Null);
            if (!GzipCheck.TrailerMatches(file, gz.Count))
                throw new EndOfStreamException($"the gzip trailer does not announce the {gz.Count} bytes read: the file is cut short");
            Counted[StateOf(tarball)] = counts;
            return counts;
        }
        catch (Exception x) when (x is InvalidDataException or EndOfStreamException or FormatException or IOException and not FileNotFoundException)
        {
            throw new DataException($"the tarball is corrupt or truncated after {members} members ({x.Message})", tarball, hint: Hint, inner: x);
        }
    }
}
