namespace NnViz.Data.Tests;

/// <summary>The resolver on ../shared/data as it is laid out, and on temporary folders laid out in the published ways.</summary>
public class DataResolverTests
{
    private static LocatedDataSet Find(KnownDataSet set) =>
        DataResolver.Find(RealData.Folder, set) ?? throw new Xunit.Sdk.XunitException($"{set} not found in {RealData.Folder}");

    [Fact]
    public void Each_shared_set_is_found_by_its_published_names()
    {
        LocatedDataSet acl = Find(KnownDataSet.AclImdb);
        Assert.Equal(RealData.Path("imdb_aclimdb_full", "aclImdb_v1.labelled.tar.gz"), acl.Require("archive").Path);
        Assert.False(acl.IsSample);
        IReadOnlyList<LocatedDataSet> all = DataResolver.FindAll(RealData.Folder, KnownDataSet.AclImdb);
        Assert.Equal(2, all.Count);
        Assert.True(all[1].IsSample);                                 // the 600-per-folder sample comes second
        Assert.Equal(RealData.Path("imdb_aclimdb_sample", "aclImdb"), all[1].Root);

        LocatedDataSet mnist = Find(KnownDataSet.Mnist);
        Assert.True(mnist.IsComplete);
        Assert.Equal(RealData.Path("mnist"), mnist.Root);
        Assert.Equal(["train-images", "train-labels", "test-images", "test-labels"], mnist.Files.Select(f => f.Role));
        Assert.Equal(Mnist.DebianFashionMnistFolder, Find(KnownDataSet.FashionMnist).Root); // shared labels are MNIST's, not Fashion's

        LocatedDataSet jig = Find(KnownDataSet.Jigsaw);
        Assert.Equal(RealData.Path("jigsaw_toxic_union", "jigsaw_train_union.csv"), jig.Require("train").Path);
        Assert.Equal(RealData.Path("jigsaw_toxic_union", "jigsaw_test_labelled_union.csv"), jig.Require("test").Path);
        Assert.Equal(4, DataResolver.FindAll(RealData.Folder, KnownDataSet.Jigsaw).Count); // the union, then the three samples

        Assert.Equal(["amazon", "imdb", "yelp"], Find(KnownDataSet.UciSentences).Files.Select(f => f.Role));
        Assert.Equal(RealData.Path("glove_6B_50d_10k", "glove.6B.50d.10k.txt"), Find(KnownDataSet.Glove6B50d).Require("vectors").Path);
        Assert.Equal(["medallia_tokensModel.bin", "finalfusion_similarity.bin"],
            DataResolver.FindAll(RealData.Folder, KnownDataSet.Word2Vec).Select(w => w.Files[0].Name));
        Assert.Equal([TitleAbstractReviews.Computational, TitleAbstractReviews.SocialScience], Find(KnownDataSet.TitleAbstract).Files.Select(f => f.Role));
        Assert.Null(DataResolver.Find(RealData.Folder, KnownDataSet.YelpReviews));
    }

    [Fact]
    public void Require_names_what_is_missing_and_how_to_get_it()
    {
        var yelp = Assert.Throws<DataException>(() => DataResolver.Require(RealData.Folder, KnownDataSet.YelpReviews));
        Assert.StartsWith($"Yelp Open Dataset reviews (JSON lines) not found under {RealData.Folder}", yelp.Message);
        Assert.Contains("looked for yelp_academic_dataset_review.json", yelp.Hint);
        Assert.Contains("nnviz data import", yelp.Hint);
        using TempDir partial = RealData.MnistWithoutTrainImages();
        var mnist = Assert.Throws<DataException>(() => DataResolver.Require(partial.Path, KnownDataSet.Mnist));
        Assert.Contains("is incomplete: train-images-idx3-ubyte.gz missing", mnist.Message);
        Assert.Equal(3, DataResolver.Find(partial.Path, KnownDataSet.Mnist)!.Files.Count);
        Assert.Null(DataResolver.Find(Path.Combine(partial.Path, "nothing-here"), KnownDataSet.Mnist));
    }

    [Fact]
    public void Published_layouts_are_found_at_any_depth_and_the_official_names_win()
    {
        using var dir = new TempDir();
        File.CreateSymbolicLink(Path.Combine(dir.Path, "aclImdb_v1.tar.gz"), RealData.Path("imdb_aclimdb_full", "aclImdb_v1.labelled.tar.gz"));
        dir.File("deep/er/x/glove.6B.50d.small.txt", "the 0.1 0.2\n");
        dir.File("deep/glove.6B.50d.txt", "the 0.1 0.2\nof 0.3 0.4\n");
        dir.File("downloads/partial/aclImdb_v1.tar.gz.partial", "half");
        dir.File("yelp/yelp_academic_dataset_review.json", YelpLine("r1", 5, "Great tacos.") + "\n");
        dir.File("kaggle/train.csv", "id,comment_text,toxic,severe_toxic,obscene,threat,insult,identity_hate\na,hello,0,0,0,0,0,0\n");
        dir.File("kaggle/test.csv", "id,comment_text\nb,you fool\nc,unscored\n");
        dir.File("kaggle/test_labels.csv", "id,toxic,severe_toxic,obscene,threat,insult,identity_hate\nb,1,0,0,0,1,0\nc,-1,-1,-1,-1,-1,-1\n");

        LocatedDataSet acl = DataResolver.Find(dir.Path, KnownDataSet.AclImdb)!;
        Assert.Contains("the official tarball aclImdb_v1.tar.gz", acl.How);
        Assert.Single(DataResolver.FindAll(dir.Path, KnownDataSet.AclImdb));   // the .partial download is not a copy
        Assert.Equal(Path.Combine(dir.Path, "deep", "glove.6B.50d.txt"), DataResolver.Find(dir.Path, KnownDataSet.Glove6B50d)!.Files[0].Path);
        Assert.Equal(2, DataResolver.Find(dir.Path, KnownDataSet.Glove6B50d)!.ReadVectors().Count);

        JigsawSplits j = DataResolver.Find(dir.Path, KnownDataSet.Jigsaw)!.ReadJigsaw();
        Assert.Equal(["a"], j.Train.Ids);
        Assert.Equal(["b"], j.Test!.Ids);                                       // -1 rows are not scored upstream: left out
        Assert.Equal([1f, 0f, 0f, 0f, 1f, 0f], j.Test.Labels);
        Assert.Equal("reviews", DataResolver.Find(dir.Path, KnownDataSet.YelpReviews)!.Files[0].Role);
        dir.File("mine/records.csv", "title,abstract,label\nA GPU kernel,We code it in R.,1\nNudges,Citizens respond.,0\n");
        TitleAbstractCorpus t = DataResolver.Require(dir.Path, KnownDataSet.TitleAbstract).ReadTitleAbstracts();
        Assert.Equal(["A GPU kernel", "Nudges"], t.Titles);
        Assert.Equal([1f, 0f], t.Labels);
    }

    [Fact]
    public void Yelp_reviews_in_the_published_format_label_1_to_3_stars_negative()
    {
        using var dir = new TempDir();
        string[] lines = [YelpLine("a", 1, "Cold food."), YelpLine("b", 3, "It was ok, I guess."), YelpLine("c", 4, "Nice \"patio\".\nWould go again."), YelpLine("d", 5, "Best ramen in town!")];
        dir.File("my downloads/Yelp JSON/yelp_academic_dataset_review.json", string.Join("\n", lines) + "\n");
        TextCorpus c = DataResolver.Require(dir.Path, KnownDataSet.YelpReviews).ReadYelp();
        Assert.Equal(["a", "b", "c", "d"], c.Ids);
        Assert.Equal([0f, 0f, 1f, 1f], c.Labels);
        Assert.Equal("Nice \"patio\".\nWould go again.", c.Texts[2]);
        Assert.Equal([new RowCount("reviews", 4)], DataResolver.Find(dir.Path, KnownDataSet.YelpReviews)!.Identity().Rows);
    }

    /// <summary>One line of yelp_academic_dataset_review.json as Yelp publishes it (all fields, stars as a number).</summary>
    internal static string YelpLine(string id, int stars, string text) =>
        System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["review_id"] = id, ["user_id"] = "u-" + id, ["business_id"] = "b-1", ["stars"] = (double)stars, ["useful"] = 0, ["funny"] = 0,
            ["cool"] = 0, ["text"] = text, ["date"] = "2018-07-07 22:09:11",
        });
}
