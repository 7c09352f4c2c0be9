using System.IO.Compression;

namespace NnViz.Data.Tests;

public class MnistTests
{
    private static string MnistDir => Path.Combine(RealData.Folder, "mnist");

    [Fact]
    public void Real_mnist_test_set_has_the_published_counts_and_values()
    {
        ImageSet t = Mnist.Load(MnistDir, MnistSplit.Test, Mnist.DigitNames);
        Assert.Equal((10000, 28, 28), (t.Count, t.Height, t.Width));
        Assert.Equal(new[] { 980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009 }, Histogram(t.Labels));
        Assert.Equal(new[] { 7, 2, 1, 0, 4, 1, 4, 9, 5, 9 }, t.Labels[..10]);
        // Reference values from python3 gzip over the same file: image 0 sums to 18454/255, its max (255) at index 355.
        float sum = 0;
        foreach (float p in t.Image(0)) sum += p;
        Assert.Equal(18454f / 255f, sum, 1e-3f);
        Assert.Equal(1f, t.Image(0)[355]);
        Assert.Equal(253f / 255f, t.Image(9999)[400]);
        Assert.Equal("mnist-test", t.Name);
        Dataset d = t.ToDataset();
        Assert.Equal((10000, 784, 10), (d.Rows, d.Cols, d.YCols));
        Assert.Equal(1f, d.Y[7]);
        ImageSet head = Mnist.Load(MnistDir, MnistSplit.Test, Mnist.DigitNames, limit: 10);
        Assert.Equal(t.Pixels[..(10 * 784)], head.Pixels); // a limit reads only the first images
        Assert.Equal(t.Labels[..10], head.Labels);
    }

    [Fact]
    public void Real_mnist_train_labels_have_the_published_counts()
    {
        IdxArray lab = Idx.Read(Path.Combine(MnistDir, "train-labels-idx1-ubyte.gz"), Idx.LabelsMagic);
        Assert.Equal(new[] { 60000 }, lab.Dims);
        Assert.Equal(new[] { 5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949 }, Histogram(lab.Data.Select(b => (int)b).ToArray()));
    }

    [Fact]
    public void Missing_train_images_say_what_to_put_where()
    {
        using TempDir dir = RealData.MnistWithoutTrainImages();
        var e = Assert.Throws<DataException>(() => Mnist.Load(Path.Combine(dir.Path, "mnist"), MnistSplit.Train, Mnist.DigitNames));
        Assert.Contains("train-images-idx3-ubyte.gz (or train-images-idx3-ubyte) not found", e.Message);
        Assert.Contains("yann.lecun.com", e.Hint);
    }

    [Fact]
    public void Debian_fashion_mnist_reads_with_limit()
    {
        ImageSet f = Mnist.Load(Mnist.DebianFashionMnistFolder, MnistSplit.Train, Mnist.FashionNames, "fashion-mnist", limit: 1000);
        Assert.Equal(1000, f.Count);
        Assert.Equal(new[] { 9, 0, 0, 3, 0, 2, 7, 2, 5, 5 }, f.Labels[..10]);
        Assert.Equal("Ankle boot", f.ClassNames[f.Labels[0]]);
        float sum = 0;
        foreach (float p in f.Image(0)) sum += p;
        Assert.Equal(76247f / 255f, sum, 1e-3f);
    }

    [Fact]
    public void Raw_and_gzip_files_read_the_same()
    {
        using var dir = new TempDir();
        byte[] raw = LabelsFile(3, 1, 2);
        string a = dir.File("raw-labels", raw), b = dir.File("gz-labels", Gzip(raw));
        Assert.Equal(Idx.Read(a, Idx.LabelsMagic).Data, Idx.Read(b, Idx.LabelsMagic).Data);
        Assert.Equal(new byte[] { 3, 1, 2 }, Idx.Read(b).Data);
    }

    [Fact]
    public void Malformed_idx_files_give_clear_errors()
    {
        using var dir = new TempDir();
        byte[] labels = LabelsFile(1, 2, 3, 4);
        string Error(string name, byte[] bytes, int magic) =>
            Assert.Throws<DataException>(() => Idx.Read(dir.File(name, bytes), magic)).Message;

        Assert.Contains("wrong magic number 0x00000801: expected 0x00000803 (IDX images", Error("labels-as-images", labels, Idx.ImagesMagic));
        Assert.Contains("too short to be IDX", Error("tiny", [0, 0], Idx.LabelsMagic));
        Assert.Contains("header announces 4 = 4 values but the file holds 2", Error("cut", labels[..10], Idx.LabelsMagic));
        byte[] gz = Gzip(labels);
        string cut = Error("cut.gz", gz[..(gz.Length - 12)], Idx.LabelsMagic);
        Assert.Contains("cut.gz: truncated: the header announces 4 = 4 values but the file holds", cut);
        byte[] big = Gzip(LabelsFile(Enumerable.Range(0, 200).Select(i => (byte)(i * 7)).ToArray()));
        Assert.Contains("truncated: the header announces 200 = 200 values but the file holds",
            Error("half.gz", big[..(big.Length / 2)], Idx.LabelsMagic));
        Assert.Contains("longer than its header", Error("long", [.. labels, 9], Idx.LabelsMagic));
        Assert.Contains("wrong magic number 0x3C68746D", Error("html", "<html>not found</html>"u8.ToArray(), Idx.LabelsMagic));
        var missing = Assert.Throws<DataException>(() => Idx.Read(Path.Combine(dir.Path, "nope.gz")));
        Assert.StartsWith(Path.Combine(dir.Path, "nope.gz") + ": file not found", missing.Message);
    }

    [Fact]
    public void Images_and_labels_of_different_lengths_are_refused()
    {
        using var dir = new TempDir();
        byte[] images = [0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0, 1, 0, 255];
        string img = dir.File("i", images), lab = dir.File("l", LabelsFile(1, 2, 3));
        var e = Assert.Throws<DataException>(() => Mnist.Load(img, lab, Mnist.DigitNames, "x"));
        Assert.Contains("3 labels for 2 images", e.Message);
        ImageSet ok = Mnist.Load(img, dir.File("l2", LabelsFile(4, 5)), Mnist.DigitNames, "x");
        Assert.Equal(new[] { 0f, 1f }, ok.Pixels);
    }

    internal static byte[] LabelsFile(params byte[] labels) =>
        [0, 0, 8, 1, 0, 0, (byte)(labels.Length >> 8), (byte)labels.Length, .. labels];

    internal static byte[] Gzip(byte[] data)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Optimal)) gz.Write(data);
        return ms.ToArray();
    }

    private static int[] Histogram(int[] labels)
    {
        var h = new int[10];
        foreach (int l in labels) h[l]++;
        return h;
    }
}
