using NnViz.Data;
using NnViz.Engine;
using NnViz.Engine.Nn;
using NnViz.Lab.Experiments;
using NnViz.Lab.Experiments.Common;
using NnViz.Lab.Explain;
using NnViz.Lab.Specs;
using NnViz.Lab.Text;

namespace NnViz.Lab.Tests;

/// <summary>D1's occlusion grid, its agreement with the generated records' rule, and the fixed-scale heatmap.</summary>
public class OcclusionTests
{
    private static (LayerSpec Layer, LayerSource Source) L(string kind, string name, int units = 0, string act = "linear", bool seq = false, string? input = null) =>
        (new LayerSpec(kind, name, units, act, ReturnSequences: seq, MaskZero: kind == "embedding"), new LayerSource(name, new SourceLocation("t", 1, 1), input));

    private static ModelMember Member(params (LayerSpec Layer, LayerSource Source)[] layers) =>
        new("model", [.. layers.Select(l => l.Layer)], [.. layers.Select(l => l.Source)], new SourceLocation("t", 1, 1));

    [Fact]
    public void GridCellsArePredictionsOfThePrefixes()
    {
        var corpus = GeneratedText.TitleAbstracts(new Rng(2), 30);
        var inputs = TitleAbstractInputs.Build(corpus, 10, 40, 500);
        var model = TitleAbstractModel.Build(Member(
            L("embedding", "te", 4, input: "title"), L("bidirectional", "tl", 3, input: "title"),
            L("embedding", "ae", 4, input: "abstract"), L("bidirectional", "al1", 3, seq: true, input: "abstract"), L("bidirectional", "al2", 3, input: "abstract"),
            L("concatenate", "cat"), L("dense", "out", 1, "sigmoid")), 10, 40, inputs.Title.Vocabulary.Size, new Rng(3));
        var g = OcclusionGrid.Compute(model, inputs, "A fast neural network for fraud", "We study fraud. Our method outperforms the strongest baseline. The code is available online.");
        Assert.Equal(6, g.TitleWords.Length);
        Assert.Equal(3, g.Sentences.Length);
        var full = model.Predict(inputs.Batch(["A fast neural network for fraud"], ["We study fraud. Our method outperforms the strongest baseline. The code is available online."]), 1);
        Assert.Equal(full[0], g[5, 2], 6);
        var part = model.Predict(inputs.Batch(["A fast"], ["We study fraud. Our method outperforms the strongest baseline."]), 1);
        Assert.Equal(part[0], g[1, 1], 6);
    }

    [Fact]
    public void AgreementCountsCellsOnTheRightSideOfTheRule()
    {
        // 3 title words x 2 sentences; rule: positive from word 1 and sentence 1 -> cells (1,1), (2,1) positive.
        var perfect = new OcclusionGrid(["a", "b", "c"], ["s1.", "s2."], [0.1, 0.2, 0.3, 0.9, 0.2, 0.8]);
        Assert.Equal(1.0, perfect.Agreement("title-trigger@1,abstract-trigger@1"), 12);
        var oneWrong = new OcclusionGrid(["a", "b", "c"], ["s1.", "s2."], [0.6, 0.2, 0.3, 0.9, 0.2, 0.8]);
        Assert.Equal(5.0 / 6, oneWrong.Agreement("title-trigger@1,abstract-trigger@1"), 12);
        Assert.Equal(0.5, oneWrong.Agreement(""), 12); // no trigger: every cell should stay below 0.5
    }

    [Fact]
    public void HeatmapUsesTheFixedRedWhiteBlueScale()
    {
        var h = new HeatmapData("t", ["r0"], ["a sentence that is long enough to wrap over several lines for sure", "b", "c"], [0.0, 0.5, 1.0], 0, 1, "rows", "cols");
        string svg = HeatmapFigure.Svg(h);
        int red = svg.IndexOf("fill=\"#67001f\"", StringComparison.Ordinal), white = svg.IndexOf("fill=\"#f7f7f7\"", StringComparison.Ordinal), blue = svg.IndexOf("fill=\"#053061\"", StringComparison.Ordinal);
        Assert.True(red > 0 && white > red && blue > white, "cells 0, 0.5, 1 are dark red, white, dark blue in order");
        var doc = System.Xml.Linq.XDocument.Parse(svg);
        var lines = doc.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value)
            .Where(t => "a sentence that is long enough to wrap over several lines for sure".Contains(t.TrimEnd('…'), StringComparison.Ordinal) && t.Length > 1).ToList();
        Assert.InRange(lines.Count, 2, 4); // the long column label is wrapped onto at most four lines
        Assert.Contains(">cols</text>", svg); // the column axis is named above the labels
    }

    [Fact]
    public void WordOcclusionImpactIsTheDropWhenTheWordIsRemoved()
    {
        var corpus = GeneratedText.TitleAbstracts(new Rng(2), 30);
        var inputs = TitleAbstractInputs.Build(corpus, 10, 40, 500);
        var model = TitleAbstractModel.Build(Member(
            L("embedding", "te", 4, input: "title"), L("lstm", "tl", 3, input: "title"),
            L("embedding", "ae", 4, input: "abstract"), L("lstm", "al", 3, input: "abstract"),
            L("concatenate", "cat"), L("dense", "out", 1, "sigmoid")), 10, 40, inputs.Title.Vocabulary.Size, new Rng(4));
        var (t, a) = WordOcclusion.Compute(model, inputs, "deep learning model", "we study fraud.", "e", null);
        var p = model.Predict(inputs.Batch(["deep learning model", "learning model"], ["we study fraud.", "we study fraud."]), 2);
        Assert.Equal(p[0] - p[1], t.Words[0].Impact, 6);
        Assert.Equal(3, a.Words.Count);
    }
}
