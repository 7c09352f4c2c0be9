using System.Security.Cryptography;
using System.Text.Json;
using NnViz.Engine;
using NnViz.Lab.Experiments;
using NnViz.Lab.Experiments.EmbeddingAnimator;
using NnViz.Lab.Runs;
using NnViz.Lab.Specs;

namespace NnViz.Lab.Tests;

/// <summary>
/// The user's own yelp_academic_dataset_review.json (Yelp's licence forbids sharing it, so a file in the published
/// format is written here): C2, C3/C4 and C5's GloVe half pick it over the UCI sentences, label 1-3 stars negative
/// and 4-5 positive, say so in summary.json and on the page, and the run store reruns when it arrives.
/// </summary>
public class YelpEndToEndTests
{
    private static readonly string[] Good = ["great tacos and friendly staff", "loved the ramen", "best pork buns in town", "lovely patio, will come back"];
    private static readonly string[] Bad = ["cold food and rude staff", "waited an hour for a table", "the soup was bland", "never again, dirty tables"];

    /// <summary>Reviews with stars 1..5 in turn (the text follows the label, so the classifier has something to learn).</summary>
    private static (string Json, Dictionary<string, int> Stars) Reviews(int count)
    {
        var stars = new Dictionary<string, int>(StringComparer.Ordinal);
        var lines = new List<string>();
        for (int i = 0; i < count; i++)
        {
            int s = 1 + i % 5;
            string id = $"rev{i:D4}";
            string[] pool = s >= 4 ? Good : Bad;
            string text = $"{pool[i % pool.Length]}. {pool[(i / 5) % pool.Length]}!\nVisit {i}, \"{(s >= 4 ? "yum" : "meh")}\" ☺";
            lines.Add(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["review_id"] = id, ["user_id"] = $"user{i % 37}", ["business_id"] = $"biz{i % 11}", ["stars"] = (double)s,
                ["useful"] = i % 3, ["funny"] = 0, ["cool"] = i % 2, ["text"] = text, ["date"] = "2018-07-07 22:09:11",
            }));
            stars[id] = s;
        }
        return (string.Join("\n", lines) + "\n", stars);
    }

    /// <summary>A data folder with the UCI sentences (the fallback) and a copy of <paramref name="name"/> reading it.</summary>
    private static (string Dir, string Data, string Spec) Setup(string name)
    {
        string dir = Lab.TempDir("yelp-" + name);
        string data = Path.Combine(dir, "data");
        Directory.CreateDirectory(Path.Combine(data, "uci"));
        foreach (string f in NnViz.Data.UciSentences.FileNames)
            File.Copy(Path.Combine(NnViz.Testing.RepoPaths.SharedData, "sentiment_labelled_sentences", f), Path.Combine(data, "uci", f));
        string spec = Path.Combine(dir, name + ".yaml");
        string text = File.ReadAllText(Path.Combine(Lab.Experiments, name + ".yaml"));
        Assert.Contains("  source: auto\n", text);
        File.WriteAllText(spec, text.Replace("  source: auto\n", $"  source: auto\n  folder: \"{data}\"\n"));
        return (dir, data, spec);
    }

    private static string PlaceYelp(string data, string json)
    {
        string path = Path.Combine(data, "my-downloads", "yelp_academic_dataset_review.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void SentimentAnimatorPicksTheUsersYelpJsonSaysSoAndRerunsWhenItArrives()
    {
        var (dir, data, spec) = Setup("sentiment-animator");
        var runner = Lab.Runner(Path.Combine(dir, "out"));
        ExperimentSpec s = runner.ValidateAll([spec]).Specs.Single();
        RunSummary before = runner.Run(s);
        Assert.Equal("uci-sentences", Assert.Single(before.Data!).DataSet);

        var (json, _) = Reviews(600);
        string path = PlaceYelp(data, json);
        RunSummary after = runner.Run(s);
        Assert.False(after.Reused);
        Assert.NotEqual(before.SpecHash, after.SpecHash);
        Assert.False(after.GeneratedData);
        var use = Assert.Single(after.Data!);
        Assert.Equal("yelp", use.DataSet);
        var file = Assert.Single(use.Files);
        Assert.Equal("yelp_academic_dataset_review.json", file.Name);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))), file.Sha256);
        Assert.Equal(600, use.Rows.Single().Rows);
        Assert.Equal([60, 400], use.RowsUsed.Select(r => r.Rows).Order());
        Assert.Contains("1-3 stars negative, 4-5 positive", use.Sampling);
        Assert.DoesNotContain("1-3 stars", before.Data![0].Sampling);   // UCI's sentences carry no stars

        string summary = File.ReadAllText(Path.Combine(dir, "out", "sentiment-animator", "summary.json"));
        Assert.Contains("\"yelp\"", summary);
        Assert.Contains(file.Sha256, summary);
        string page = File.ReadAllText(Path.Combine(dir, "out", "sentiment-animator", "index.html"));
        Assert.Contains("real: yelp: yelp_academic_dataset_review.json sha256 " + file.Sha256[..12], page);
        Assert.Contains("1-3 stars negative, 4-5 positive", page);
        Assert.True(runner.Run(s).Reused);
        Directory.Delete(dir, true);
    }

    [Theory]
    [InlineData("sentiment-animator")]
    [InlineData("model-comparison-animator")]
    [InlineData("word-drift-animator")]
    public void TheReviewKindsReadTheJsonWithOneToThreeStarsNegative(string name)
    {
        var (dir, data, spec) = Setup(name);
        var (json, stars) = Reviews(600);
        PlaceYelp(data, json);
        ExperimentSpec s = SpecLoader.Load(spec, Profile.Load(Lab.Configs, "ci"));
        var choice = ExperimentKinds.ByName[s.Kind].ChooseData(s)[0];
        Assert.Equal("yelp", choice.Located!.Info.Id);
        TextTask task = TextTask.Load(s, new Rng(s.Seed), choice, out var use);
        Assert.Equal("yelp", use!.Identity.DataSet);
        Assert.False(task.Generated);
        Assert.Equal(["positive"], task.LabelNames);
        int[] codes = task.ValCodes(0);
        Assert.Contains(0, codes);
        Assert.Contains(1, codes);
        for (int i = 0; i < task.ValRows; i++)
            Assert.Equal(stars[task.ValIds[i]] >= 4 ? 1 : 0, codes[i]);
        Assert.Contains(task.ValIds, id => stars[id] == 3);   // 3 stars is negative, as in the write-up
        Assert.Contains("\n", string.Concat(task.ValTexts));   // texts as written, newlines and all
        Directory.Delete(dir, true);
    }
}
