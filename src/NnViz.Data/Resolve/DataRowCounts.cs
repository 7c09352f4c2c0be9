namespace NnViz.Data;

/// <summary>Rows per part of a located set, as its reader sees them (IDX and word2vec headers; the texts' readers otherwise).</summary>
internal static class DataRowCounts
{
    public static IReadOnlyList<RowCount> Of(LocatedDataSet set) => set.Set switch
    {
        KnownDataSet.AclImdb => AclImdb(set),
        KnownDataSet.Mnist or KnownDataSet.FashionMnist => set.Files.Where(f => f.Role.EndsWith("-images", StringComparison.Ordinal))
            .Select(f => new RowCount(f.Role[..^"-images".Length], Idx.Count(f.Path))).ToArray(),
        KnownDataSet.Jigsaw => Jigsaw(set),
        KnownDataSet.YelpReviews => [new RowCount("reviews", File.ReadLines(set.Require("reviews").Path).LongCount(l => !string.IsNullOrWhiteSpace(l)))],
        KnownDataSet.UciSentences => set.Files.Select(f => new RowCount(f.Role, set.ReadUci(f.Role).Count)).ToArray(),
        KnownDataSet.Glove6B50d or KnownDataSet.Word2Vec => [new RowCount("words", set.ReadVectors().Count)],
        KnownDataSet.TitleAbstract => set.Files.Select(f => new RowCount(f.Role, Records(set, f))).ToArray(),
        _ => [],
    };

    private static RowCount[] AclImdb(LocatedDataSet set)
    {
        if (set.File("archive") is DataFile archive)
        {
            SortedDictionary<string, int> counts = AclImdbArchive.CountRatings(archive.Path);
            return new[] { "train", "test" }.Select(s => new RowCount(s, counts.Where(c => c.Key.StartsWith(s + "/", StringComparison.Ordinal)).Sum(c => c.Value))).ToArray();
        }
        return new[] { "train", "test" }.Select(s => new RowCount(s, set.Files.Where(f => f.Role.StartsWith(s + "/", StringComparison.Ordinal))
            .Sum(f => Directory.EnumerateFiles(f.Path, "*.txt").LongCount()))).ToArray();
    }

    private static RowCount[] Jigsaw(LocatedDataSet set)
    {
        JigsawSplits j = set.ReadJigsaw();
        return j.Test is null ? [new RowCount("train", j.Train.Count)] : [new RowCount("train", j.Train.Count), new RowCount("test", j.Test.Count)];
    }

    private static long Records(LocatedDataSet set, DataFile f) =>
        f.Role == "records" ? TitleAbstractReader.Read(f.Path).Count : TitleAbstractReviews.ReadOne(f.Path, 0f).Count;
}
