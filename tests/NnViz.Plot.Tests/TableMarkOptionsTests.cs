using System.Xml.Linq;

namespace NnViz.Plot.Tests;

/// <summary>The options Lab's occlusion and word-impact figures use: upward rows, axis titles, tooltips, fitted height, dotted words.</summary>
public class TableMarkOptionsTests
{
    private static HeatmapMark Grid(int rows, double cellHeight) =>
        new([.. Enumerable.Range(0, rows * 2).Select(i => i / (rows * 2.0))], rows, 2, [.. Enumerable.Range(0, rows).Select(r => $"row {r}")],
            ["left", "right"], HeatmapMark.Probability("P")) { CellHeight = cellHeight };

    private static double RectY(string svg, string fill) =>
        double.Parse(XDocument.Parse(svg).Descendants().First(e => e.Name.LocalName == "rect" && (string?)e.Attribute("fill") == fill).Attribute("y")!.Value,
            System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void FirstRowAtBottomDrawsRowZeroLowest()
    {
        var mark = new HeatmapMark([0.0, 1.0], 2, 1, ["first", "second"], ["c"], HeatmapMark.Probability("P"));
        string down = SvgRenderer.Render(Figure.Single("t", new Panel([mark]), 300, 300));
        string up = SvgRenderer.Render(Figure.Single("t", new Panel([mark with { FirstRowAtBottom = true }]), 300, 300));
        string red = ColorMap.RdBu.At(0).Hex, blue = ColorMap.RdBu.At(1).Hex;
        Assert.True(RectY(down, red) < RectY(down, blue));
        Assert.True(RectY(up, red) > RectY(up, blue));
    }

    [Fact]
    public void FittedFigureGrowsWithRowsAtAFixedCellHeight()
    {
        double h3 = Figure.Fitted("t", new Panel([Grid(3, 20)]), 400).Height;
        double h6 = Figure.Fitted("t", new Panel([Grid(6, 20)]), 400).Height;
        Assert.Equal(60, h6 - h3, 9);
        string svg = SvgRenderer.Render(Figure.Fitted("t", new Panel([Grid(6, 20)]), 400));
        var cells = XDocument.Parse(svg).Descendants().Where(e => e.Name.LocalName == "rect" && (string?)e.Attribute("stroke") == "#ffffff").ToList();
        Assert.Equal(12, cells.Count);
        Assert.All(cells, c => Assert.Equal("20", c.Attribute("height")!.Value));
        Assert.Throws<ArgumentException>(() => Figure.Fitted("t", new Panel([Grid(3, 0)]), 400)); // nothing sizes itself
    }

    [Fact]
    public void AxisTitlesTooltipsAndThinnedRowLabels()
    {
        var mark = Grid(24, 6) with { RowTitle = "unit", ColumnTitle = "word", CellTitles = true };
        var doc = XDocument.Parse(SvgRenderer.Render(Figure.Fitted("t", new Panel([mark]), 400)));
        var texts = doc.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToList();
        Assert.Contains("unit", texts);
        Assert.Contains("word", texts);
        Assert.Equal(12, texts.Count(t => t.StartsWith("row ", StringComparison.Ordinal))); // 6 px rows: every second label
        var titles = doc.Descendants().Where(e => e.Name.LocalName == "title").Select(e => e.Value).ToList();
        Assert.Contains("row 0 | left: 0.000", titles);
        Assert.Contains("row 23 | right: 0.979", titles);
    }

    [Fact]
    public void TokenStripWrapsIntoAFittedHeightWithDottedUnknownWordsAndTooltips()
    {
        var words = Enumerable.Range(0, 40).Select(i => $"word{i}").ToArray();
        TokenRow Row(int n) => new("r", words[..n], [.. Enumerable.Range(0, n).Select(i => i % 3 - 1.0)]) { Dotted = [.. Enumerable.Range(0, n).Select(i => i == 0)] };
        var shortStrip = new TokenStripMark([Row(3)]) { Tooltips = true };
        var longStrip = new TokenStripMark([Row(40)]) { Tooltips = true };
        double h1 = Figure.Fitted("t", new Panel([shortStrip]), 400).Height, hMany = Figure.Fitted("t", new Panel([longStrip]), 400).Height;
        Assert.True(hMany > h1 + 3 * 12 * 1.9, $"40 words wrap onto several lines: {h1} vs {hMany}");
        var doc = XDocument.Parse(SvgRenderer.Render(Figure.Fitted("t", new Panel([longStrip]), 400)));
        double bottom = doc.Descendants().Where(e => e.Name.LocalName == "rect" && e.Attribute("rx") is not null)
            .Max(e => double.Parse(e.Attribute("y")!.Value, System.Globalization.CultureInfo.InvariantCulture) + double.Parse(e.Attribute("height")!.Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(bottom <= hMany, "every chip lies inside the fitted figure");
        Assert.Single(doc.Descendants(), e => e.Name.LocalName == "path" && (string?)e.Attribute("stroke-dasharray") == "1,2");
        Assert.Contains("word0: -1.000", doc.Descendants().Where(e => e.Name.LocalName == "title").Select(e => e.Value));
        Assert.Contains("word2: +1.000", doc.Descendants().Where(e => e.Name.LocalName == "title").Select(e => e.Value));
    }

    [Theory]
    [InlineData(0.30, 1.0)]
    [InlineData(0.15, 0.625)]
    public void MinOpacitySetsTheWeakestColouredChip(double v, double opacity) =>
        Assert.Equal(opacity, new TokenStripMark([]) { MinOpacity = 0.25 }.Chip(v, 0.30).Opacity, 12);

    [Fact]
    public void TextThatXmlCannotHoldIsDroppedNotWritten()
    {
        var strip = new TokenStripMark([new TokenRow("a\u0001b", ["\uFFFF", "x\uD800y", "ok\U0001F600"], [1, -1, 0.5])]);
        var doc = XDocument.Parse(SvgRenderer.Render(Figure.Fitted("t\u0002", new Panel([strip]), 400)));
        var texts = doc.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToList();
        Assert.Contains("ab", texts);
        Assert.Contains("xy", texts);
        Assert.Contains("ok\U0001F600", texts); // a paired surrogate is a real character and stays
    }
}
