namespace NnViz.Plot.Tests;

public class TableMarkTests
{
    [Fact]
    public void OcclusionHeatmap()
    {
        // Title prefixes x abstract prefixes, probabilities on a fixed 0..1 scale, one NaN cell.
        string[] rows = ["Deep", "Deep learning", "Deep learning for protein folding with attention"];
        string[] cols = ["We present a method.", "It uses convolutional networks over contact maps of residues.", "Results improve on the baseline."];
        double[] p = [0.10, 0.35, 0.5, 0.48, 0.72, 0.91, 0.05, double.NaN, 1.0];
        var mark = new HeatmapMark(p, 3, 3, rows, cols, HeatmapMark.Probability("P(accepted)", "rejected", "accepted")) { ShowValues = true };
        var figure = Figure.Single("Occlusion: title x abstract", new Panel([mark], "prediction by prefix"), 560, 300);
        string svg = FigureSnapshot.Match(figure);
        Assert.Matches(@">\s*0\.50\s*</text>", svg);     // numbers in cells, with the mark's decimals
        Assert.DoesNotMatch(@">\s*NaN\s*</text>", svg);   // the NaN cell is grey and empty
        Assert.Contains("Deep learning for", svg);         // row labels (wrapped)
        Assert.Equal(9, svg.Split("stroke=\"#ffffff\" stroke-width=\"0.5\"").Length - 1); // one sharp rect per cell, in any SVG viewer
        Assert.Matches(@">P\(accepted\)</text>[\s\S]*>rejected</text>[\s\S]*>accepted</text>", svg); // bar title, then its low and high ends
    }

    [Fact]
    public void WordImpactRows()
    {
        TokenRow Row(string label, string text, double[] v) => new(label, text.Split(' '), v);
        var mark = new TokenStripMark(
        [
            Row("epoch 2 · p=0.41", "This movie is boring !", [0.02, 0.01, -0.003, -0.30, 0.001]),
            Row("epoch 4 · p=0.18", "This movie is not boring !", [0.05, -0.02, 0.0, 0.12, -0.40, 0.01]),
            Row("epoch 6 · p=0.93", "This application is really cool and authors are great !", [0.1, 0.05, 0, 0.2, 0.35, 0.01, 0.02, 0, 0.3, 0]),
        ]);
        string svg = FigureSnapshot.Match(Figure.Single("Word impact", new Panel([mark]), 520, 150));
        foreach (string word in new[] { "boring", "authors", "great" }) Assert.Matches($@">\s*{word}\s*</text>", svg);
        Assert.Contains("fill=\"#D55E00\"", svg.ToUpperInvariant().Replace("FILL=", "fill=")); // "boring" pulls down: vermillion
    }

    [Theory]
    [InlineData(0.30, 0.30, "#009e73", 1.0)]
    [InlineData(-0.15, 0.30, "#d55e00", 0.575)]
    [InlineData(0.02, 0.30, "#bbbbbb", 0.35)]   // below 0.1 x the largest
    [InlineData(0.0, 0.0, "#bbbbbb", 0.35)]     // a row with no impact at all
    public void ChipColourFollowsSignThresholdAndStrength(double v, double max, string color, double opacity)
    {
        var (c, o) = new TokenStripMark([]).Chip(v, max);
        Assert.Equal(color, c);
        Assert.Equal(opacity, o, 12);
    }

    [Fact]
    public void WrapKeepsWordsAndMarksCuts()
    {
        Assert.Equal(["It uses", "convoluti", "onal", "networks"], TextWrap.Wrap("It uses convolutional networks", 9));
        Assert.Equal(["one two", "three…"], TextWrap.Wrap("one two three four five", 7, 2));
    }
}
