namespace NnViz.Data;

/// <summary>The real data sets of the catalogue (EXPERIMENTS.md), with published checksums where they are known.</summary>
public static class KnownDataSets
{
    private static ExpectedFile Idx(string folder, string stem, string[] digests, bool required = true, string? debian = null) =>
        new(stem + ".gz",
            debian is null ? [$"{folder}/{stem}.gz", $"{folder}/{stem}"] : [$"{folder}/{stem}.gz", $"{folder}/{stem}", $"{debian}/{stem}.gz"],
            digests, required);

    public static DataSetSpec Mnist { get; } = new(
        "mnist", "MNIST handwritten digits (IDX)", "B2 weights, B3 projections",
        [
            Idx("mnist", "train-images-idx3-ubyte", ["md5:f68b3c2dcbeaaa9fbdd348bbdeb94873"]),
            Idx("mnist", "train-labels-idx1-ubyte", ["md5:d53e105ee54ea40749a09fcbcd1e9432", "sha256:3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c"]),
            Idx("mnist", "t10k-images-idx3-ubyte", ["md5:9fb629c4189551a2d022fa330f9573f3", "sha256:8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6"]),
            Idx("mnist", "t10k-labels-idx1-ubyte", ["md5:ec29112dd5afa0611ce80d1b7f02629c", "sha256:f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6"]),
        ],
        "http://yann.lecun.com/exdb/mnist/ (mirror: https://ossci-datasets.s3.amazonaws.com/mnist/), the four .gz files",
        "<data>/mnist/ (keep the original names; .gz or uncompressed)",
        "Fashion-MNIST from Debian (apt install dataset-fashion-mnist)");

    /// <summary>Official gz files (md5 as torchvision checks them) or Debian's re-compressed copies (sha256).</summary>
    public static DataSetSpec FashionMnist { get; } = new(
        "fashion-mnist", "Fashion-MNIST (IDX)", "B2/B3 offline stand-in for MNIST",
        [
            Idx("fashion-mnist", "train-images-idx3-ubyte", ["md5:8d4fb7e6c68d591d4c3dfef9ec88bf0d", "sha256:b0564c3eedabfbf835052cff8503ea422014ce006caf5b757f851416ee8300c7"], debian: Data.Mnist.DebianFashionMnistFolder),
            Idx("fashion-mnist", "train-labels-idx1-ubyte", ["md5:25c81989df183df01b3e8a0aad5dffbe", "sha256:0ae29f65d86684f32d1b9c85147786c547b9c6aebcaf235f0400a0cce308b056"], debian: Data.Mnist.DebianFashionMnistFolder),
            Idx("fashion-mnist", "t10k-images-idx3-ubyte", ["md5:bef4ecab320f06d8554ea6380940ec79", "sha256:cc1d090a38ace84dfa1aa66e3ada7c336ef481a96936906477e6dd344da56eaa"], debian: Data.Mnist.DebianFashionMnistFolder),
            Idx("fashion-mnist", "t10k-labels-idx1-ubyte", ["md5:bb300cfdad3c16e7a12a480ee83cd310", "sha256:8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05"], debian: Data.Mnist.DebianFashionMnistFolder),
        ],
        "apt install dataset-fashion-mnist (Debian/Ubuntu), or https://github.com/zalandoresearch/fashion-mnist (data/fashion/*.gz)",
        "/usr/share/datasets/fashion-mnist/ (Debian) or <data>/fashion-mnist/");

    public static DataSetSpec AclImdb { get; } = new(
        "aclimdb", "IMDB Large Movie Review Dataset v1 (aclImdb)", "D2 IMDB LSTM, word impacts, layer spaces",
        new[] { "train/pos", "train/neg", "test/pos", "test/neg" }.Select(f =>
            new ExpectedFile(f, [$"aclImdb/{f}"], [], IsFolder: true, SampleCandidates: [$"imdb_aclimdb_sample/aclImdb/{f}"])).ToArray(),
        "https://ai.stanford.edu/~amaas/data/sentiment/aclImdb_v1.tar.gz (84 MB; extract it)",
        "<data>/aclImdb/ (tar xzf aclImdb_v1.tar.gz -C <data>)",
        "GeneratedText.Reviews(…, ReviewGrammar.Movie)");

    public static DataSetSpec UciSentences { get; } = new(
        "uci-sentences", "UCI Sentiment Labelled Sentences (Kotzias 2015)", "small real sentiment checks",
        new (string File, string Sha)[]
        {
            ("amazon_cells_labelled.txt", "47003fc0a0d4840b00e96e715b6189bad09e7443a3da41c4cbe12ffc79f86ae3"),
            ("imdb_labelled.txt", "aef2e49e3da25714d61175e3a6e68eeef74a20a2f914318dc3be9947ea86512d"),
            ("yelp_labelled.txt", "c76468b7b5c6e56a0804d728345c5f84aa2142ddb214420f61cc9cfd4c00d2ea"),
        }.Select(x => new ExpectedFile(x.File, [$"sentiment labelled sentences/{x.File}", $"sentiment_labelled_sentences/{x.File}"], [$"sha256:{x.Sha}"])).ToArray(),
        "https://archive.ics.uci.edu/dataset/331/sentiment+labelled+sentences (zip)",
        "<data>/sentiment labelled sentences/ (the folder inside the zip)");

    public static DataSetSpec Yelp { get; } = new(
        "yelp", "Yelp Open Dataset reviews (JSON lines)", "C2 Yelp sentiment, C5 embedding drift",
        [new ExpectedFile("yelp_academic_dataset_review.json", ["yelp/yelp_academic_dataset_review.json"], [])],
        "https://www.yelp.com/dataset (accept the licence, download, extract)",
        "<data>/yelp/yelp_academic_dataset_review.json",
        "GeneratedText.Reviews(…, ReviewGrammar.Restaurant)");

    public static DataSetSpec Jigsaw { get; } = new(
        "jigsaw", "Jigsaw Toxic Comment Classification train.csv (Kaggle 2018)", "C1 toxic comments BiLSTM",
        [new ExpectedFile("train.csv", ["jigsaw-toxic/train.csv"], [],
            SampleCandidates: ["jigsaw_toxic_sample/fastbert_train_sample.csv"])],
        "https://www.kaggle.com/c/jigsaw-toxic-comment-classification-challenge/data (kaggle competitions download -c jigsaw-toxic-comment-classification-challenge)",
        "<data>/jigsaw-toxic/train.csv",
        "GeneratedText.Toxic");

    public static DataSetSpec Glove { get; } = new(
        "glove-6b-50d", "GloVe 6B 50d word vectors (Pennington 2014)", "C1 embeddings, C5 drift from GloVe",
        [new ExpectedFile("glove.6B.50d.txt", ["glove/glove.6B.50d.txt", "glove.6B.50d.txt"], [],
            SampleCandidates: ["glove_6B_50d_subset/glove.6B.50d.first2446.txt"])],
        "https://nlp.stanford.edu/data/glove.6B.zip (822 MB; the 50d file is 171 MB)",
        "<data>/glove/glove.6B.50d.txt",
        "embeddings learned from scratch");

    public static DataSetSpec Word2Vec { get; } = new(
        "word2vec", "word2vec GoogleNews 300d vectors (binary)", "optional pre-trained embeddings",
        [new ExpectedFile("GoogleNews-vectors-negative300.bin", ["word2vec/GoogleNews-vectors-negative300.bin"], [])],
        "https://code.google.com/archive/p/word2vec/ (GoogleNews-vectors-negative300.bin.gz; gunzip it)",
        "<data>/word2vec/GoogleNews-vectors-negative300.bin",
        "GloVe or embeddings learned from scratch");

    public static DataSetSpec TitleAbstract { get; } = new(
        "title-abstract", "Title/abstract records (your own CSV: title,abstract,label)", "D1 occlusion heatmap",
        [new ExpectedFile("records.csv", ["title-abstract/records.csv", "title-abstract/records.tsv"], [])],
        "no public copy of seed 001's data: export your own records with columns title, abstract, label (0/1)",
        "<data>/title-abstract/records.csv",
        "GeneratedText.TitleAbstracts");

    public static IReadOnlyList<DataSetSpec> All { get; } = [Mnist, FashionMnist, AclImdb, UciSentences, Yelp, Jigsaw, Glove, Word2Vec, TitleAbstract];
}
