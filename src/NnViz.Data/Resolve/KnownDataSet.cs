namespace NnViz.Data;

/// <summary>The real data sets of the write-ups that NnVizRepro can find in a data folder (issue 13).</summary>
public enum KnownDataSet
{
    AclImdb,
    Mnist,
    FashionMnist,
    Jigsaw,
    YelpReviews,
    UciSentences,
    Glove6B50d,
    Word2Vec,
    TitleAbstract,
}

/// <summary>
/// What a data set is, who uses it and how to get it: <paramref name="Id"/> is the name the CLI and summaries use
/// (<c>nnviz data fetch aclimdb</c>), <paramref name="Published"/> the published file names the resolver looks for.
/// </summary>
public sealed record DataSetInfo(KnownDataSet Set, string Id, string Title, string UsedBy, string Published, string HowToGet,
    string? Fallback = null);

/// <summary>The catalogue of <see cref="KnownDataSet"/>: one <see cref="DataSetInfo"/> each.</summary>
public static class DataSetCatalog
{
    public static IReadOnlyList<DataSetInfo> All { get; } =
    [
        new(KnownDataSet.AclImdb, "aclimdb", "IMDB Large Movie Review Dataset v1 (Maas et al. 2011)", "D2 (IMDB LSTM, word impacts, layer spaces)",
            "aclImdb_v1.tar.gz, aclImdb_v1*.tar.gz or an extracted aclImdb/ folder",
            "nnviz data fetch aclimdb (https://ai.stanford.edu/~amaas/data/sentiment/aclImdb_v1.tar.gz)", "generated movie reviews"),
        new(KnownDataSet.Mnist, "mnist", "MNIST handwritten digits (LeCun & Cortes)", "B2 (neuron weights), B3 (projections)",
            "train-images-idx3-ubyte.gz and the three other IDX files, side by side",
            "nnviz data fetch mnist (https://ossci-datasets.s3.amazonaws.com/mnist/)", "Fashion-MNIST"),
        new(KnownDataSet.FashionMnist, "fashion-mnist", "Fashion-MNIST (Zalando)", "B2, B3 when MNIST is absent",
            "the four IDX files in a folder whose name contains 'fashion' (Debian: /usr/share/datasets/fashion-mnist)",
            "apt install dataset-fashion-mnist"),
        new(KnownDataSet.Jigsaw, "jigsaw", "Jigsaw Toxic Comment Classification (Kaggle 2018)", "C1 (toxic BiLSTM), C4, C5 (toxic-word drift)",
            "train.csv, test.csv + test_labels.csv, or CSVs with the columns id, comment_text, toxic … identity_hate",
            "download from Kaggle (jigsaw-toxic-comment-classification-challenge), then nnviz data import train.csv", "generated toxic comments"),
        new(KnownDataSet.YelpReviews, "yelp", "Yelp Open Dataset reviews (JSON lines)", "C2, C3, C5 (GloVe drift)",
            "yelp_academic_dataset_review.json",
            "accept Yelp's licence at https://www.yelp.com/dataset, then nnviz data import yelp_academic_dataset_review.json",
            "the UCI Yelp sentences"),
        new(KnownDataSet.UciSentences, "uci-sentences", "UCI Sentiment Labelled Sentences (Kotzias et al. 2015)", "C2, C3 when the Yelp JSON is absent",
            "amazon_cells_labelled.txt, imdb_labelled.txt, yelp_labelled.txt (or the UCI zip)",
            "nnviz data fetch uci-sentences (https://archive.ics.uci.edu/dataset/331)"),
        new(KnownDataSet.Glove6B50d, "glove", "GloVe 6B 50d word vectors (Pennington et al. 2014)", "C1 (frozen embeddings), C5 (drift from GloVe)",
            "glove.6B.50d*.txt or glove.6B.zip",
            "nnviz data fetch glove (https://nlp.stanford.edu/data/glove.6B.zip, 822 MB)", "embeddings learned from scratch"),
        new(KnownDataSet.Word2Vec, "word2vec", "word2vec binary vectors (Mikolov et al. 2013)", "optional pre-trained embeddings",
            "*.bin in word2vec's binary format (e.g. GoogleNews-vectors-negative300.bin)",
            "https://code.google.com/archive/p/word2vec/ (GoogleNews-vectors-negative300.bin.gz; gunzip it)"),
        new(KnownDataSet.TitleAbstract, "title-abstract", "Paper titles and abstracts (ASReview systematic reviews)", "D1 (occlusion heatmaps)",
            "CSVs with title and abstract columns (Kitchenham_2010.csv = computational, Nagtegaal_2019.csv = social science; or your own with a label column)",
            "https://github.com/asreview/systematic-review-datasets (datasets/<name>/output/<name>.csv)", "generated titles and abstracts"),
    ];

    public static DataSetInfo Info(KnownDataSet set) => All.Single(i => i.Set == set);

    /// <summary>The set named <paramref name="id"/> (case-insensitive); a <see cref="DataException"/> lists the names otherwise.</summary>
    public static DataSetInfo ById(string id) =>
        All.FirstOrDefault(i => string.Equals(i.Id, id, StringComparison.OrdinalIgnoreCase))
        ?? throw new DataException($"unknown data set '{id}'", hint: $"Use one of: {string.Join(", ", All.Select(i => i.Id))}.");
}
