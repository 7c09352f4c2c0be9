namespace NnViz.Data;

/// <summary>
/// Loads a known real data set from the data folder through the catalogue, so a runner names a set ("mnist",
/// "aclimdb", …) instead of a path. A set that is not there gives a <see cref="DataException"/> saying where to
/// get it, where to put it and which generated stand-in runs meanwhile. No checksums here (that is `data status`).
/// </summary>
public static class DataSets
{
    /// <summary>MNIST ("mnist") or Fashion-MNIST ("fashion-mnist", also found at Debian's location).</summary>
    public static ImageSet Images(DataFolder folder, string id, MnistSplit split, int? limit = null)
    {
        DataSetSpec spec = id switch
        {
            "mnist" => KnownDataSets.Mnist,
            "fashion-mnist" => KnownDataSets.FashionMnist,
            _ => throw new DataException($"unknown image set '{id}'", hint: "Use mnist or fashion-mnist."),
        };
        string location = Require(folder, spec, partialOk: true);
        IReadOnlyList<string> names = id == "mnist" ? Mnist.DigitNames : Mnist.FashionNames;
        return Mnist.Load(location, split, names, id, limit);
    }

    public static TextCorpus AclImdb(DataFolder folder, string split, int? limitPerLabel = null) =>
        Data.AclImdb.Read(Require(folder, KnownDataSets.AclImdb), split, limitPerLabel);

    public static TextCorpus Yelp(DataFolder folder, int? limit = null) =>
        YelpReviews.Read(FirstFile(folder, KnownDataSets.Yelp), limit);

    public static TextCorpus Jigsaw(DataFolder folder, int? limit = null) =>
        Data.Jigsaw.Read(FirstFile(folder, KnownDataSets.Jigsaw), limit);

    public static WordVectors Glove(DataFolder folder, int? maxWords = null) =>
        GloveText.Read(FirstFile(folder, KnownDataSets.Glove), maxWords);

    public static WordVectors Word2Vec(DataFolder folder, int? maxWords = null) =>
        Word2VecBinary.Read(FirstFile(folder, KnownDataSets.Word2Vec), maxWords);

    public static TitleAbstractCorpus TitleAbstracts(DataFolder folder) =>
        TitleAbstractReader.Read(FirstFile(folder, KnownDataSets.TitleAbstract));

    private static string FirstFile(DataFolder folder, DataSetSpec spec)
    {
        Require(folder, spec);
        return DataCatalog.StatusOf(folder.Path, spec, checksums: false).Files.First(f => f.Found).Path!;
    }

    /// <summary>The folder holding the set (samples count); partial sets are accepted when <paramref name="partialOk"/> (the loader then names the missing file).</summary>
    private static string Require(DataFolder folder, DataSetSpec spec, bool partialOk = false)
    {
        DataSetStatus s = DataCatalog.StatusOf(folder.Path, spec, checksums: false);
        if (s.State == DataSetState.Present || (partialOk && s.State == DataSetState.Partial)) return s.Location!;
        string meanwhile = spec.Fallback is null ? "" : $"; meanwhile the generated stand-in is {spec.Fallback}";
        throw new DataException($"{spec.Title} is {(s.State == DataSetState.Partial ? "incomplete" : "not there")}", folder.Path,
            hint: $"get it: {spec.HowToGet}; put it: {spec.WhereToPut.Replace("<data>", folder.Path)}{meanwhile}. `nnviz data status` shows what is found.");
    }
}
