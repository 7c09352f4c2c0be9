using ScottPlot;

namespace NnViz.Plot;

/// <summary>Text anchored at a data point, shifted by (Dx, Dy) pixels (e.g. a letter beside a marked point); a ScottPlot text.</summary>
public sealed record TextMark(double X, double Y, string Text, TextStyle Style, double Dx = 0, double Dy = 0) : Mark
{
    public TextMark(double x, double y, string text) : this(x, y, text, new TextStyle()) { }

    internal override void Draw(PanelDraw draw)
    {
        if (!double.IsFinite(X) || !double.IsFinite(Y)) return;
        var t = draw.Plot.Add.Text(Text, X, Y);
        t.LabelFontName = Theme.Font;
        t.LabelFontSize = (float)Style.Size;
        t.LabelFontColor = Theme.Of(Style.Color);
        t.LabelBold = Style.Bold;
        // The anchor is the text's baseline, as in the figure records: start, middle or end of it.
        t.LabelAlignment = Style.Anchor switch
        {
            TextAnchor.Middle => Alignment.LowerCenter,
            TextAnchor.End => Alignment.LowerRight,
            _ => Alignment.LowerLeft,
        };
        t.OffsetX = (float)Dx;
        t.OffsetY = (float)Dy;
    }
}
