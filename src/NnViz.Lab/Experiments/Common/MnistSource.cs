using NnViz.Data;
using NnViz.Lab.Specs;

namespace NnViz.Lab.Experiments.Common;

/// <summary>
/// B2's and B3's images: <c>data.dataset</c> auto reads MNIST from the data folder and falls back to Fashion-MNIST
/// (Debian's dataset-fashion-mnist, or a fashion folder under the data folder) when MNIST is absent, which the
/// console and the page say: Fashion-MNIST is a stand-in, its claims are sanity checks. mnist or fashion-mnist
/// ask for one set (an error when it is absent).
/// </summary>
public static class MnistSource
{
    public static readonly string[] Choices = ["auto", "mnist", "fashion-mnist"];

    /// <summary>The data fields of every kind that reads MNIST-format images: which set (<c>dataset</c>) and where (<c>folder</c>).</summary>
    public static readonly IReadOnlyList<Field> Fields =
    [
        new Field("dataset", FieldType.String, "which images: auto (MNIST from the data folder, else Fashion-MNIST, said on the page), mnist or fashion-mnist") { Default = "auto", OneOf = Choices },
        new Field("folder", FieldType.String, "data folder searched for the IDX files (default: NNVIZ_DATA, then ./data; Debian's fashion-mnist folder too)"),
    ];

    public static DataChoice Choose(string dataset, string? folder) => dataset switch
    {
        "mnist" => DataChoice.Choose("images", "real", folder, [KnownDataSet.Mnist]),
        "fashion-mnist" => DataChoice.Choose("images", "real", folder, [KnownDataSet.FashionMnist], KnownDataSet.FashionMnist),
        _ => DataChoice.Choose("images", "real", folder, [KnownDataSet.Mnist, KnownDataSet.FashionMnist], KnownDataSet.FashionMnist),
    };

    /// <summary>The first <paramref name="limit"/> images of one split of the chosen set.</summary>
    public static ImageSet Read(DataChoice choice, MnistSplit split, int limit) =>
        (choice.Located ?? throw new InvalidOperationException("image sets are never generated")).ReadImages(split, limit);

    /// <summary>What the page says about the images: the set (and, for the stand-in, that it is one).</summary>
    public static string Describe(DataChoice choice, string rows) => choice.StandIn
        ? $"stand-in: {choice.Located!.Info.Title}, not the write-up's MNIST ({choice.Why}); {rows}"
        : $"real: {choice.Located!.Info.Title}; {rows}";

    public static DataUse Use(DataChoice choice, string sampling, params RowCount[] used) => new(choice.Located!.Identity(), sampling, used);
}
