namespace NnViz.Data.Tests;

/// <summary>`nnviz data status` text: what is present, where, its identity, what uses it; what is missing and how to get it.</summary>
public class DataStatusViewTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public void Shared_folder_status_lists_every_set_where_it_is_and_what_uses_it()
    {
        var folder = new DataFolder(RealData.Folder, "NNVIZ_DATA");
        string text = DataStatusView.Format(folder, DataStatusView.Collect(folder.Path, identities: false));
        output.WriteLine(text);
        Assert.StartsWith($"Data folder: {RealData.Folder} (from NNVIZ_DATA)\n", text);
        Assert.Contains("[present] aclimdb: IMDB Large Movie Review Dataset v1 (Maas et al. 2011)\n  used by:   D2 (IMDB LSTM, word impacts, layer spaces)\n" +
                        $"  where:     {RealData.Path("imdb_aclimdb_full")}\n  found as:  a tarball (named aclImdb_v1*.tar.gz), read in place\n", text);
        Assert.Contains($"  also:      {RealData.Path("imdb_aclimdb_sample", "aclImdb")} (an extracted aclImdb/ folder (train/neg 600,", text);
        Assert.Contains("[missing] yelp: Yelp Open Dataset reviews (JSON lines)\n  used by:   C2, C3, C5 (GloVe drift)\n  looked for: yelp_academic_dataset_review.json\n", text);
        Assert.Contains("  meanwhile: the UCI Yelp sentences\n", text);
        Assert.Contains("a CSV with train.csv's columns (kurita_train_head.csv); no labelled test rows found", text);
        Assert.Equal(9, text.Split("\n[").Length - 1);
    }

    [Fact]
    public void Identities_flag_unknown_copies_and_incomplete_sets_say_what_is_missing()
    {
        using TempDir dir = RealData.MnistWithoutTrainImages();
        foreach (string f in new[] { "amazon_cells_labelled.txt", "imdb_labelled.txt" })
            File.CreateSymbolicLink(Path.Combine(dir.Path, f), RealData.Path("sentiment_labelled_sentences", f));
        dir.File("yelp_labelled.txt", File.ReadAllText(RealData.Path("sentiment_labelled_sentences", "yelp_labelled.txt")).Replace("Wow... Loved", "Wow!! Loved"));
        string text = DataStatusView.Format(new DataFolder(dir.Path, "given"), DataStatusView.Collect(dir.Path));
        output.WriteLine(text);
        Assert.Contains("[INCOMPLETE] mnist: MNIST handwritten digits (LeCun & Cortes)", text);
        Assert.Contains("  missing:   train-images-idx3-ubyte.gz\n", text);
        Assert.Contains("  get it:    nnviz data fetch mnist", text);
        Assert.Contains("  amazon         amazon_cells_labelled.txt, 58,226 bytes, sha256 47003fc0a0d4840b00e96e715b6189bad09e7443a3da41c4cbe12ffc79f86ae3 (= UCI amazon_cells_labelled.txt)\n", text);
        Assert.Matches(@"  yelp           yelp_labelled.txt, 61,319 bytes, sha256 [0-9a-f]{64} \(not a known published copy\)\n", text);
        Assert.Contains("  rows:      amazon 1,000, imdb 1,000, yelp 1,000\n  identity:  ", text);
    }
}
