namespace NnViz.Data;

/// <summary>
/// Finds each <see cref="KnownDataSet"/> by its published names anywhere under a data folder (any depth, any
/// sub-folder names), so <c>NNVIZ_DATA=../shared/data</c> works with that folder as it is laid out, and so does a
/// folder filled by <c>nnviz data fetch</c>. When several copies are there, the most complete one wins: the
/// official archive over an extracted folder over a sample (<see cref="FindAll"/> lists them all, best first).
/// Archives are read in place; nothing is unpacked.
/// </summary>
public static class DataResolver
{
    /// <summary>The best copy of <paramref name="set"/> under <paramref name="dataFolder"/>, or null when there is none.</summary>
    public static LocatedDataSet? Find(string dataFolder, KnownDataSet set) => FindAll(dataFolder, set).FirstOrDefault();

    /// <summary>Every copy of <paramref name="set"/>, best first (complete before partial, then by the order above).</summary>
    public static IReadOnlyList<LocatedDataSet> FindAll(string dataFolder, KnownDataSet set)
    {
        var scan = DataScan.Of(dataFolder);
        IEnumerable<LocatedDataSet> found = set switch
        {
            KnownDataSet.AclImdb => DataFinders.AclImdb(scan),
            KnownDataSet.Mnist => DataFinders.Idx(scan, fashion: false),
            KnownDataSet.FashionMnist => DataFinders.Idx(scan, fashion: true),
            KnownDataSet.Jigsaw => DataFinders.Jigsaw(scan),
            KnownDataSet.YelpReviews => DataFinders.Yelp(scan),
            KnownDataSet.UciSentences => DataFinders.Uci(scan),
            KnownDataSet.Glove6B50d => DataFinders.Glove(scan),
            KnownDataSet.Word2Vec => DataFinders.Word2Vec(scan),
            KnownDataSet.TitleAbstract => DataFinders.TitleAbstract(scan),
            _ => throw new ArgumentOutOfRangeException(nameof(set), set, null),
        };
        // OrderBy is stable: the finders yield in their preference order; complete copies go first.
        return found.OrderBy(l => l.IsComplete ? 0 : 1).ToArray();
    }

    /// <summary>
    /// The best complete copy of <paramref name="set"/>; otherwise a <see cref="DataException"/> saying what is
    /// missing (or that nothing was found), the published names looked for and how to get the set.
    /// </summary>
    public static LocatedDataSet Require(string dataFolder, KnownDataSet set)
    {
        LocatedDataSet? best = Find(dataFolder, set);
        if (best is { IsComplete: true }) return best;
        DataSetInfo info = DataSetCatalog.Info(set);
        string problem = best is null
            ? $"{info.Title} not found under {dataFolder}"
            : $"{info.Title} at {best.Root} is incomplete: {string.Join(", ", best.Missing!)} missing";
        throw new DataException(problem, hint: $"looked for {info.Published}; get it: {info.HowToGet}. `nnviz data status` shows what is found.");
    }

    /// <summary>The data folder a command or a run uses: the given one, else NNVIZ_DATA, else ./data.</summary>
    public static string Folder(string? given = null) => DataCatalog.ResolveFolder(given).Path;
}
