using NnViz.Data;
using NnViz.Engine;
using NnViz.Engine.Nn;
using NnViz.Lab.Explain;
using NnViz.Lab.Runs;
using NnViz.Lab.Text;
using NnViz.Testing;

namespace NnViz.Lab.Tests;

/// <summary>D2's explanation logic: prefix word impacts, the colour rule, saved vocabularies, Isomap placement, probes, real data.</summary>
public class ImdbLstmTests
{
    private static (Sequential Model, TextEncoder Encoder) TinyModel(int maxLength = 12)
    {
        var texts = new[] { "this movie is boring", "that film was great", "not boring at all", "a great great film" };
        var encoder = new TextEncoder(Vocabulary.Build(Tokenizer.Keras.TokenizeAll(texts)), maxLength);
        var model = Sequential.Build(maxLength, 1, [
            new LayerSpec("embedding", "embedding", 8, VocabSize: encoder.Vocabulary.Size, MaskZero: true),
            new LayerSpec("lstm", "lstm", 6),
            new LayerSpec("dropout", "d1", Rate: 0.5),
            new LayerSpec("dense", "hidden", 5, "relu"),
            new LayerSpec("dense", "output", 1, "sigmoid")], new Rng(7));
        return (model, encoder);
    }

    [Fact]
    public void ImpactsAreTheChangesBetweenSeparatelyPredictedPrefixes()
    {
        var (model, enc) = TinyModel();
        var row = WordImpact.Explain(model, enc, "This movie is not-boring, zebra!", "e");
        // Known answer: predict every prefix as its own padded text and take differences.
        var pieces = new[] { "This", "This movie", "This movie is", "This movie is not-boring,", "This movie is not-boring, zebra!" };
        var p = model.Predict(enc.Batch(pieces), pieces.Length);
        double before = WordImpact.EmptyPrediction(model);
        Assert.Equal(5, row.Words.Count);
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(p[i] - before, row.Words[i].Impact, 6);
            before = p[i];
        }
        Assert.Equal(p[4], row.Probability, 6);
        Assert.False(row.Words[4].Known); // "zebra" is not in the vocabulary
        Assert.True(row.Words[1].Known);
    }

    [Fact]
    public void ColourRuleIsGreenUpRedDownGreyBelowATenth()
    {
        Assert.Equal("#1a9850", WordImpact.Encode(0.2, 0.2).Color);
        Assert.Equal(1.0, WordImpact.Encode(0.2, 0.2).Opacity, 9);
        Assert.Equal("#d73027", WordImpact.Encode(-0.05, 0.2).Color);
        Assert.Equal("#9e9e9e", WordImpact.Encode(0.019, 0.2).Color);
        Assert.Equal("#1a9850", WordImpact.Encode(0.021, 0.2).Color);
        Assert.True(WordImpact.Encode(-0.05, 0.2).Opacity < WordImpact.Encode(-0.15, 0.2).Opacity);
    }

    [Fact]
    public void EmptyAndJunkTextsGiveRowsNotErrors()
    {
        var (model, enc) = TinyModel();
        var empty = WordImpact.Explain(model, enc, "   ", "e");
        Assert.Empty(empty.Words);
        Assert.Equal(WordImpact.EmptyPrediction(model), empty.Probability, 9);
        var junk = WordImpact.Explain(model, enc, "\u0001\u0002 ??? \uFFFF !!!", "e");
        Assert.Equal(4, junk.Words.Count);
        string svg = WordImpactFigure.Svg("t", [junk]);
        System.Xml.Linq.XDocument.Parse(svg); // still well-formed XML
        var longRow = WordImpact.Explain(model, enc, string.Join(" ", Enumerable.Repeat("boring", 5000)), "e");
        Assert.Equal(WordImpact.MaxPieces, longRow.Words.Count);
    }

    [Fact]
    public void SavedWordListRebuildsTheSameIds()
    {
        var (_, enc) = TinyModel();
        var again = TextEncoder.FromWords(enc.Words, enc.MaxLength);
        Assert.Equal(enc.Batch(["great film, not boring zebra"]), again.Batch(["great film, not boring zebra"]));
        Assert.Equal(enc.Words, again.Words);
    }

    [Fact]
    public void AFittedPointPlacedAgainLandsOnItsAlignedPosition()
    {
        var rng = new Rng(3);
        int n = 60, d = 4;
        var a = new float[n * d];
        var b = new float[n * d];
        for (int i = 0; i < a.Length; i++) { a[i] = rng.NextFloat(); b[i] = 2 * a[i] + 0.01f * rng.NextFloat(); }
        var frames = LayerSpaceLayout.Fit("t", [a, b], n, d, 8, new Rng(5));
        Assert.NotNull(frames[0].Alignment);
        for (int f = 0; f < 2; f++)
        {
            var src = f == 0 ? a : b;
            var placed = LayerSpaceLayout.Place(frames[f], [src[7 * d], src[7 * d + 1], src[7 * d + 2], src[7 * d + 3]], 1);
            Assert.Equal(frames[f].Coordinates[14], placed[0], 6);
            Assert.Equal(frames[f].Coordinates[15], placed[1], 6);
        }
    }

    [Fact]
    public void ProbeSeparatesSeparableDataAndNotNoise()
    {
        var rng = new Rng(11);
        int n = 200;
        var x = new float[n * 2];
        var y = new int[n];
        var noise = new int[n];
        for (int i = 0; i < n; i++)
        {
            y[i] = i % 2;
            noise[i] = rng.NextInt(2);
            x[2 * i] = (y[i] == 1 ? 1 : -1) + 0.3f * (float)rng.NextGaussian();
            x[2 * i + 1] = (float)rng.NextGaussian();
        }
        Assert.True(SdcaProbe.FitAndScore(x, y, x, y, 2, 1).Train > 0.97);
        double chance = SdcaProbe.FitAndScore(x[..200], noise[..100], x[200..], noise[100..], 2, 1).HeldOut;
        Assert.InRange(chance, 0.3, 0.7);
    }

    [Fact]
    public void RunsOnTheSharedAclImdbSample()
    {
        string text = File.ReadAllText(Path.Combine(Lab.Experiments, "imdb-lstm.yaml"))
            .Replace("  source: auto\n", $"  source: aclimdb\n  folder: \"{Path.Combine(RepoPaths.SharedData, "imdb_aclimdb_sample")}\"\n");
        string outDir = Lab.TempDir("imdb-sample");
        string specPath = Path.Combine(outDir, "imdb-lstm.yaml");
        File.WriteAllText(specPath, text);
        var runner = Lab.Runner(outDir);
        var (specs, errors) = runner.ValidateAll([specPath]);
        Assert.Empty(errors);
        var summary = runner.Run(specs[0]);
        Assert.False(summary.GeneratedData);
        Assert.StartsWith("real: aclimdb:", summary.DataUsed);
        Assert.Contains("used train 600, test 60", summary.DataUsed);
        Assert.Contains("the shared sample, not the full set", summary.DataUsed);
        string dir = Path.Combine(outDir, "imdb-lstm");
        Assert.True(File.Exists(Path.Combine(dir, "checkpoints", "epoch_02.nnvz")));
        var vocab = System.Text.Json.JsonSerializer.Deserialize<Experiments.SavedVocabulary>(
            File.ReadAllText(Path.Combine(dir, "checkpoints", "vocabulary.json")), ArtifactSink.JsonOptions)!;
        Assert.Contains("movie", vocab.Words);
        using var fs = File.OpenRead(Path.Combine(dir, "checkpoints", "epoch_02.nnvz"));
        var model = (Sequential)ModelFile.Load(fs);
        Assert.Equal(vocab.MaxLength, model.InputSteps);
        Directory.Delete(outDir, true);
    }
}
