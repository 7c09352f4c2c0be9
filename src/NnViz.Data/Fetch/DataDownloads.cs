namespace NnViz.Data;

/// <summary>One official file: where it is published (<paramref name="BaseUrl"/> + "/" + <paramref name="FileName"/>), its SHA-256 and size.</summary>
public sealed record Download(string FileName, string BaseUrl, string Sha256, long? Bytes)
{
    /// <summary>The URL to fetch: the official one, or the same file name under <paramref name="mirror"/>.</summary>
    public string Url(string? mirror = null) => $"{(mirror ?? BaseUrl).TrimEnd('/')}/{FileName}";
}

/// <summary>What <c>nnviz data fetch NAME</c> downloads for a set, and the sub-folder of the data folder it goes to.</summary>
public sealed record FetchPlan(KnownDataSet Set, string Folder, IReadOnlyList<Download> Files)
{
    public DataSetInfo Info => DataSetCatalog.Info(Set);
}

/// <summary>
/// The official archives with their published SHA-256: aclImdb (the checksum every major loader pins), MNIST (the
/// four gz files, sha256 of the official bytes as in ../shared/data/mnist/PROVENANCE.md, md5 = torchvision's),
/// GloVe 6B (glove.6B.zip) and the UCI sentences zip.
/// </summary>
public static class DataDownloads
{
    private const string MnistBase = "https://ossci-datasets.s3.amazonaws.com/mnist";

    public static IReadOnlyList<FetchPlan> All { get; } =
    [
        new(KnownDataSet.AclImdb, "imdb",
            [new("aclImdb_v1.tar.gz", "https://ai.stanford.edu/~amaas/data/sentiment", "c40f74a18d3b61f90feba1e17730e0d38e8b97c05fde7008942e91923d1658fe", 84_125_825)]),
        new(KnownDataSet.Mnist, "mnist",
        [
            new("train-images-idx3-ubyte.gz", MnistBase, "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609", 9_912_422),
            new("train-labels-idx1-ubyte.gz", MnistBase, "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c", 28_881),
            new("t10k-images-idx3-ubyte.gz", MnistBase, "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6", 1_648_877),
            new("t10k-labels-idx1-ubyte.gz", MnistBase, "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6", 4_542),
        ]),
        new(KnownDataSet.Glove6B50d, "glove",
            [new("glove.6B.zip", "https://nlp.stanford.edu/data", "617afb2fe6cbd085c235baf7a465b96f4112bd7f7ccb2b2cbd649fed9cbcf2fb", 862_182_613)]),
        new(KnownDataSet.UciSentences, "uci-sentences",
            [new("sentiment+labelled+sentences.zip", "https://archive.ics.uci.edu/static/public/331", "afc26626d710899948693e1a61405dce197f57ffa719fa1130d346b4cc095343", null)]),
    ];

    /// <summary>The plans for "all" or one set id; a <see cref="DataException"/> lists the names that can be fetched.</summary>
    public static IReadOnlyList<FetchPlan> For(string name)
    {
        if (string.Equals(name, "all", StringComparison.OrdinalIgnoreCase)) return All;
        FetchPlan? plan = All.FirstOrDefault(p => string.Equals(p.Info.Id, name, StringComparison.OrdinalIgnoreCase));
        if (plan is not null) return [plan];
        string known = string.Join(", ", All.Select(p => p.Info.Id));
        bool isSet = DataSetCatalog.All.Any(i => string.Equals(i.Id, name, StringComparison.OrdinalIgnoreCase));
        throw new DataException(isSet ? $"'{name}' cannot be downloaded: {DataSetCatalog.ById(name).HowToGet}" : $"unknown data set '{name}'",
            hint: $"nnviz data fetch takes all or one of: {known}.");
    }
}
