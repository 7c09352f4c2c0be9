namespace NnViz.Data;

/// <summary>
/// SHA-256 of published copies of the data sets' files: the official downloads (checked by <c>nnviz data fetch</c>)
/// and the copies of ../shared/data (each folder's PROVENANCE.md). A located file whose hash is here is reported as
/// "matches" with the copy's name; any other hash is reported and used, marked as not a known copy.
/// </summary>
public static class KnownFiles
{
    public static IReadOnlyDictionary<string, string> BySha256 { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["c40f74a18d3b61f90feba1e17730e0d38e8b97c05fde7008942e91923d1658fe"] = "official aclImdb_v1.tar.gz",
        ["e80f6d534220d29485795a157b9933de3e778ef04427c37397bbcd0d178e3085"] = "aclImdb v1 labelled reviews, repacked (shared data)",
        ["440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609"] = "official MNIST train-images-idx3-ubyte.gz",
        ["3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c"] = "official MNIST train-labels-idx1-ubyte.gz",
        ["8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6"] = "official MNIST t10k-images-idx3-ubyte.gz",
        ["f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6"] = "official MNIST t10k-labels-idx1-ubyte.gz",
        ["b0564c3eedabfbf835052cff8503ea422014ce006caf5b757f851416ee8300c7"] = "Debian Fashion-MNIST train-images",
        ["0ae29f65d86684f32d1b9c85147786c547b9c6aebcaf235f0400a0cce308b056"] = "Debian Fashion-MNIST train-labels",
        ["cc1d090a38ace84dfa1aa66e3ada7c336ef481a96936906477e6dd344da56eaa"] = "Debian Fashion-MNIST t10k-images",
        ["8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05"] = "Debian Fashion-MNIST t10k-labels",
        ["afc26626d710899948693e1a61405dce197f57ffa719fa1130d346b4cc095343"] = "official UCI sentiment labelled sentences zip",
        ["47003fc0a0d4840b00e96e715b6189bad09e7443a3da41c4cbe12ffc79f86ae3"] = "UCI amazon_cells_labelled.txt",
        ["aef2e49e3da25714d61175e3a6e68eeef74a20a2f914318dc3be9947ea86512d"] = "UCI imdb_labelled.txt",
        ["c76468b7b5c6e56a0804d728345c5f84aa2142ddb214420f61cc9cfd4c00d2ea"] = "UCI yelp_labelled.txt",
        ["617afb2fe6cbd085c235baf7a465b96f4112bd7f7ccb2b2cbd649fed9cbcf2fb"] = "official glove.6B.zip",
        ["d8f717f8dd4b545cb7f418ef9f3d0c3e6e68a6f48b97d32f8b7aae40cb31f96f"] = "official glove.6B.50d.txt",
        ["f6ff508f0c7eb106528d58e3d2d23048fbbf167b05887988304fd1299b26ac3a"] = "glove.6B.50d.txt, first 10,000 lines (shared data)",
        ["e9b37f6527ce21d19277b153bd03711525e54f96473ce9731cbf23cd0b259676"] = "glove.6B.50d.txt, first 2,446 lines (shared data)",
        ["876683349fbbcbce3f5e2c045a0fd6a9ed1d520ad49b640b84e7050f0368471f"] = "Jigsaw train rows, union of public samples (shared data)",
        ["954a8b87d186105fadab8063ade81020c77325ddf437d904f0cab6b0738d381d"] = "Jigsaw labelled test rows, union of public samples (shared data)",
        ["544bd3e03f13e91cad01fb38ec6c1651153db018e9daaac904170d44c5a6056c"] = "Jigsaw train sample, fast-bert (shared data)",
        ["750221d2567081092665ccd4c98fdd48cfdaa2b41667904320b8754029b909ac"] = "Jigsaw validation sample, fast-bert (shared data)",
        ["910bed0d5787506cd46b43a41d2d9e4b1064fcd15664c74681bbc4d6088d7b7e"] = "Jigsaw train.csv head, kurita (shared data)",
        ["07dbd5016e3295a252f2816592532f501b216b2db4c33d2e3e9404507a026e6d"] = "ASReview Kitchenham_2010.csv",
        ["abfbdb973aa125f26ce872a5193c931d0690f7fe2e1fb75551de9c0acecd200f"] = "ASReview Nagtegaal_2019.csv",
        ["07f7fc2db192311247b3edddc061c97080c2e0b1e745d86e28dfd12b844e853e"] = "word2vec medallia tokensModel.bin (shared data)",
        ["a251973eb0612ab20560cad5736ffc96886c57d9abdd7f8855e3b6fde38e152a"] = "word2vec finalfusion similarity.bin (shared data)",
    };

    /// <summary>The verdict and the copy's name for a SHA-256.</summary>
    public static (ChecksumVerdict Verdict, string? KnownAs) Check(string sha256) =>
        BySha256.TryGetValue(sha256, out string? name) ? (ChecksumVerdict.Matches, name) : (ChecksumVerdict.NoReference, null);
}
