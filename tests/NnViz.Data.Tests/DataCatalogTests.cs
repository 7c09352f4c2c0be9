namespace NnViz.Data.Tests;

public class DataCatalogTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public void Folder_given_beats_environment_beats_default()
    {
        Assert.Equal(new DataFolder(Path.GetFullPath("/x/given"), "given"), DataCatalog.ResolveFolder("/x/given", "/x/env"));
        Assert.Equal(new DataFolder(Path.GetFullPath("/x/env"), "NNVIZ_DATA"), DataCatalog.ResolveFolder(null, "/x/env"));
        Assert.Equal(new DataFolder(Path.GetFullPath("data"), "default"), DataCatalog.ResolveFolder(" ", null));
    }

    [Fact]
    public void Shared_samples_are_found_and_verified()
    {
        DataStatusReport r = DataCatalog.Status(DataCatalog.ResolveFolder(RealData.Folder, null));
        output.WriteLine(r.Format());

        DataSetStatus mnist = r["mnist"];
        Assert.Equal(DataSetState.Present, mnist.State);   // all four files, the official bytes
        Assert.Equal(Path.Combine(RealData.Folder, "mnist"), mnist.Location);
        Assert.All(mnist.Files, f => Assert.Equal(ChecksumVerdict.Matches, f.Checksum));
        Assert.Equal("440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609", mnist.Files[0].Sha256);
        Assert.Equal("8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6", mnist.Files[2].Sha256);

        Assert.Equal(DataSetState.Present, r["uci-sentences"].State);
        Assert.All(r["uci-sentences"].Files, f => Assert.Equal(ChecksumVerdict.Matches, f.Checksum));
        Assert.Equal(DataSetState.Present, r["aclimdb"].State);
        Assert.True(r["aclimdb"].UsesSample);
        Assert.All(r["aclimdb"].Files, f => Assert.Equal(600, f.FileCount));
        Assert.Equal(Path.Combine(RealData.Folder, "imdb_aclimdb_sample", "aclImdb"), r["aclimdb"].Location);
        Assert.True(r["jigsaw"].UsesSample);
        Assert.True(r["glove-6b-50d"].UsesSample);
        Assert.Equal(DataSetState.Missing, r["yelp"].State);
        Assert.Equal(DataSetState.Missing, r["word2vec"].State);

        string text = r.Format();
        Assert.Contains("[present] mnist: MNIST handwritten digits (IDX)", text);
        Assert.Contains($"put it:   {RealData.Folder}/yelp/yelp_academic_dataset_review.json", text);
        Assert.Contains("get it:   https://www.yelp.com/dataset", text);
    }

    [Fact]
    public void Mnist_without_its_train_images_is_partial()
    {
        using TempDir dir = RealData.MnistWithoutTrainImages();
        DataStatusReport r = DataCatalog.Status(new DataFolder(dir.Path, "given"), sets: [KnownDataSets.Mnist]);
        DataSetStatus mnist = r["mnist"];
        Assert.Equal(DataSetState.Partial, mnist.State);
        Assert.Equal(Path.Combine(dir.Path, "mnist"), mnist.Location);
        Assert.False(mnist.Files[0].Found);
        Assert.All(mnist.Files.Skip(1), f => Assert.Equal(ChecksumVerdict.Matches, f.Checksum));
        string text = r.Format();
        Assert.Contains("[PARTIAL] mnist: MNIST handwritten digits (IDX)", text);
        Assert.Contains("missing  train-images-idx3-ubyte.gz", text);
    }

    [Fact]
    public void Debian_fashion_mnist_is_found_outside_the_data_folder()
    {
        using var dir = new TempDir();
        DataSetStatus f = DataCatalog.StatusOf(dir.Path, KnownDataSets.FashionMnist);
        Assert.Equal(DataSetState.Present, f.State);
        Assert.Equal(Mnist.DebianFashionMnistFolder, f.Location);
        Assert.All(f.Files, x => Assert.Equal(ChecksumVerdict.Matches, x.Checksum));
        Assert.Equal(60000, Mnist.Load(f.Location!, MnistSplit.Train, Mnist.FashionNames, limit: 1).Labels.Length + 59999);
    }

    [Fact]
    public void Altered_files_are_flagged_and_missing_sets_say_where_to_put_them()
    {
        using var dir = new TempDir();
        dir.File("mnist/t10k-labels-idx1-ubyte.gz", MnistTests.Gzip(MnistTests.LabelsFile(1, 2, 3)));
        DataStatusReport r = DataCatalog.Status(new DataFolder(dir.Path, "given"));
        FileStatus labels = r["mnist"].Files[3];
        Assert.Equal(ChecksumVerdict.Differs, labels.Checksum);
        Assert.Equal(DataSetState.Partial, r["mnist"].State);
        Assert.Equal(DataSetState.Missing, r["aclimdb"].State);
        string text = r.Format();
        Assert.Contains("DIFFERS from the published file", text);
        Assert.Contains($"put it:   {dir.Path}/aclImdb/ (tar xzf aclImdb_v1.tar.gz -C {dir.Path})", text);
        Assert.Contains("meanwhile: GeneratedText.Reviews(…, ReviewGrammar.Movie)", text);
        Assert.Equal(DataSetState.Missing, DataCatalog.Status(new DataFolder(dir.Path, "given"), checksums: false)["yelp"].State);
        Assert.Null(DataCatalog.Status(new DataFolder(dir.Path, "given"), checksums: false)["mnist"].Files[3].Sha256);
    }
}

public class DataSetsTests
{
    private static DataFolder Shared => new(RealData.Folder, "given");

    [Fact]
    public void Named_sets_load_from_the_shared_samples()
    {
        Assert.Equal(10000, DataSets.Images(Shared, "mnist", MnistSplit.Test).Count);
        Assert.Equal(60000, DataSets.Images(Shared, "mnist", MnistSplit.Train).Count);
        Assert.Equal(1200, DataSets.AclImdb(Shared, "test").Count);
        Assert.Equal(20, DataSets.AclImdb(Shared, "train", limitPerLabel: 10).Count);
        Assert.Equal(1000, DataSets.Jigsaw(Shared).Count);
        Assert.Equal(2446, DataSets.Glove(Shared).Count);
    }

    [Fact]
    public void Missing_sets_say_where_to_get_and_put_them()
    {
        var yelp = Assert.Throws<DataException>(() => DataSets.Yelp(Shared));
        Assert.Equal($"{RealData.Folder}: Yelp Open Dataset reviews (JSON lines) is not there", yelp.Message.Split('\n')[0]);
        Assert.Contains($"put it: {RealData.Folder}/yelp/yelp_academic_dataset_review.json", yelp.Hint);
        Assert.Contains("GeneratedText.Reviews", yelp.Hint);
        using TempDir partial = RealData.MnistWithoutTrainImages();
        var train = Assert.Throws<DataException>(() => DataSets.Images(new DataFolder(partial.Path, "given"), "mnist", MnistSplit.Train));
        Assert.Contains("train-images-idx3-ubyte.gz (or train-images-idx3-ubyte) not found", train.Message);
        Assert.Contains("unknown image set 'cifar'", Assert.Throws<DataException>(() => DataSets.Images(Shared, "cifar", MnistSplit.Test)).Message);
    }
}
