namespace NnViz.Data.Tests;

/// <summary>`nnviz data import`: recognise, read through, install under the published name.</summary>
public class DataImportTests
{
    [Fact]
    public void Yelp_json_is_checked_and_installed_under_its_published_name()
    {
        using var dir = new TempDir();
        string data = Path.Combine(dir.Path, "data");
        string[] lines = [DataResolverTests.YelpLine("a", 2, "Meh."), DataResolverTests.YelpLine("b", 4, "Tasty."), DataResolverTests.YelpLine("c", 5, "Loved it.")];
        string source = dir.File("downloads/reviews-2024.json", string.Join("\n", lines) + "\n");
        ImportResult r = DataImport.Install(source, data);
        Assert.Equal(KnownDataSet.YelpReviews, r.Set);
        Assert.Equal(Path.Combine(data, "yelp", "yelp_academic_dataset_review.json"), r.Path);
        Assert.Equal("3 reviews read (2 with 4-5 stars: positive; 1 with 1-3: negative)", r.Checked);
        Assert.False(r.AlreadyPresent);
        Assert.Equal([0f, 1f, 1f], DataResolver.Require(data, KnownDataSet.YelpReviews).ReadYelp().Labels);
        Assert.True(DataImport.Install(source, data).AlreadyPresent);
        Assert.Empty(Directory.EnumerateFiles(data, "*.partial", SearchOption.AllDirectories));
    }

    [Fact]
    public void A_malformed_yelp_line_is_named_and_nothing_is_installed()
    {
        using var dir = new TempDir();
        string source = dir.File("yelp_academic_dataset_review.json", DataResolverTests.YelpLine("a", 2, "Meh.") + "\n{\"stars\": 4, \"text\": \"cut sh\n");
        var e = Assert.Throws<DataException>(() => DataImport.Install(source, Path.Combine(dir.Path, "data")));
        Assert.StartsWith($"{source}:2: not valid JSON", e.Message);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "data")));
    }

    [Fact]
    public void Jigsaw_csvs_and_official_archives_are_recognised()
    {
        using var dir = new TempDir();
        string data = Path.Combine(dir.Path, "data");
        ImportResult train = DataImport.Install(RealData.Path("jigsaw_toxic_union", "jigsaw_train_union.csv"), data);
        Assert.Equal((KnownDataSet.Jigsaw, "11,652 labelled comments read (5,327 toxic)"), (train.Set, train.Checked));
        string test = dir.File("kaggle/test.csv", "id,comment_text\nt1,\"you are, well, nice\"\nt2,unscored\n");
        string labels = dir.File("kaggle/test_labels.csv", "id,toxic,severe_toxic,obscene,threat,insult,identity_hate\nt1,0,0,0,0,0,0\nt2,-1,-1,-1,-1,-1,-1\n");
        Assert.EndsWith(Path.Combine("jigsaw", "test.csv"), DataImport.Install(test, data).Path);
        Assert.EndsWith(Path.Combine("jigsaw", "test_labels.csv"), DataImport.Install(labels, data).Path);
        JigsawSplits j = DataResolver.Require(data, KnownDataSet.Jigsaw).ReadJigsaw();
        Assert.Equal((11652, 1), (j.Train.Count, j.Test!.Count));

        ImportResult mnist = DataImport.Install(RealData.Path("mnist", "t10k-labels-idx1-ubyte.gz"), data);
        Assert.Equal(Path.Combine(data, "mnist", "t10k-labels-idx1-ubyte.gz"), mnist.Path);
        Assert.StartsWith("sha256 f7ae60f92e00", mnist.Checked);

        var e = Assert.Throws<DataException>(() => DataImport.Install(RealData.Path("INDEX.md"), data));
        Assert.Contains("not a data file NnVizRepro recognises", e.Message);
    }
}
