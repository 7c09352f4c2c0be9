namespace NnViz.Data;

/// <summary>Which half of an MNIST-style data set: the 60,000 training or the 10,000 test (t10k) images.</summary>
public enum MnistSplit { Train, Test }

/// <summary>
/// MNIST and Fashion-MNIST in their published IDX files (<c>train-images-idx3-ubyte.gz</c>,
/// <c>train-labels-idx1-ubyte.gz</c>, <c>t10k-…</c>), raw or gzip, from a folder.
/// </summary>
public static class Mnist
{
    /// <summary>Where Debian's <c>dataset-fashion-mnist</c> package installs Fashion-MNIST.</summary>
    public const string DebianFashionMnistFolder = "/usr/share/datasets/fashion-mnist";

    public static IReadOnlyList<string> DigitNames { get; } = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

    public static IReadOnlyList<string> FashionNames { get; } =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>The file stem of the images or labels of a split, e.g. <c>t10k-labels-idx1-ubyte</c>.</summary>
    public static string Stem(MnistSplit split, bool labels) =>
        $"{(split == MnistSplit.Train ? "train" : "t10k")}-{(labels ? "labels-idx1" : "images-idx3")}-ubyte";

    /// <summary>
    /// The path of a split's file in <paramref name="folder"/>: the <c>.gz</c> name, the raw name, or the
    /// <c>train-images.idx3-ubyte</c> spelling some archives use; null when none exists.
    /// </summary>
    public static string? Find(string folder, MnistSplit split, bool labels)
    {
        string stem = Stem(split, labels);
        string dotted = stem.Replace("-idx", ".idx");
        foreach (string name in new[] { stem + ".gz", stem, dotted + ".gz", dotted })
        {
            string p = Path.Combine(folder, name);
            if (File.Exists(p)) return p;
        }
        return null;
    }

    /// <summary>Reads a split's images and labels; <paramref name="limit"/> keeps the first images only.</summary>
    public static ImageSet Load(string folder, MnistSplit split, IReadOnlyList<string> classNames, string name = "mnist", int? limit = null)
    {
        string stem = Stem(split, false);
        string images = Find(folder, split, false) ?? throw Missing(folder, stem);
        string labels = Find(folder, split, true) ?? throw Missing(folder, Stem(split, true));
        return Load(images, labels, classNames, $"{name}-{split.ToString().ToLowerInvariant()}", limit);
    }

    /// <summary>Reads an images file and its labels file and checks that they agree.</summary>
    public static ImageSet Load(string imagesPath, string labelsPath, IReadOnlyList<string> classNames, string name, int? limit = null)
    {
        if (limit is < 0) throw new ArgumentOutOfRangeException(nameof(limit), limit, "must be >= 0");
        IdxArray img = Idx.Read(imagesPath, Idx.ImagesMagic, limit);
        IdxArray lab = Idx.Read(labelsPath, Idx.LabelsMagic, limit);
        int count = img.Dims[0], h = img.Dims[1], w = img.Dims[2];
        if (lab.Dims[0] != count)
            throw new DataException($"{lab.Dims[0]} labels for {count} images in {imagesPath}", labelsPath,
                hint: "The images and labels files must come from the same split (train with train, t10k with t10k).");
        int n = Math.Min(count, limit ?? count);
        var labels = new int[n];
        for (int i = 0; i < n; i++)
        {
            labels[i] = lab.Data[i];
            if (labels[i] >= classNames.Count)
                throw new DataException($"label {labels[i]} of item {i} is outside 0..{classNames.Count - 1}", labelsPath,
                    hint: "This is not an MNIST-style labels file.");
        }
        var pixels = new float[n * h * w];
        for (int i = 0; i < pixels.Length; i++) pixels[i] = img.Data[i] / 255f;
        return new ImageSet(name, pixels, n, h, w, labels, classNames);
    }

    private static DataException Missing(string folder, string stem) =>
        new($"{stem}.gz (or {stem}) not found", folder,
            hint: $"Put the IDX files in this folder. MNIST: http://yann.lecun.com/exdb/mnist/ (mirror https://ossci-datasets.s3.amazonaws.com/mnist/); " +
                  "Fashion-MNIST: `apt install dataset-fashion-mnist` or https://github.com/zalandoresearch/fashion-mnist.");
}
