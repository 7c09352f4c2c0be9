using ScottPlot;

namespace NnViz.Plot;

/// <summary>
/// The look every NnVizRepro figure shares: the pinned font (DejaVu Sans, loaded from its files so no system font
/// lookup can swap it), text sizes and greys, and conversions from the figure records' "#rrggbb" strings to
/// ScottPlot colours.
/// </summary>
internal static class Theme
{
    public const string Font = "DejaVu Sans";
    public const float TitleSize = 16, PanelTitleSize = 13, AxisLabelSize = 12, TickSize = 10, LegendSize = 11;
    public static readonly Color Ink = Color.FromHex("#111111"), Axis = Color.FromHex("#333333"), Grid = Color.FromHex("#e6e6e6");

    private static readonly object Gate = new();
    private static bool loaded;

    /// <summary>Where fonts-dejavu-core puts its files (Debian/Ubuntu), and NNVIZ_FONT_DIR when set.</summary>
    private static IEnumerable<string> FontDirectories()
    {
        if (Environment.GetEnvironmentVariable("NNVIZ_FONT_DIR") is { Length: > 0 } dir) yield return dir;
        yield return "/usr/share/fonts/truetype/dejavu";
        yield return "/usr/share/fonts/dejavu";
        yield return "/usr/share/fonts/TTF";
    }

    /// <summary>Registers DejaVu Sans (regular and bold) with ScottPlot once; a clear error when the files are missing.</summary>
    public static void EnsureFont()
    {
        lock (Gate)
        {
            if (loaded) return;
            string? dir = FontDirectories().FirstOrDefault(d => File.Exists(Path.Combine(d, "DejaVuSans.ttf")) && File.Exists(Path.Combine(d, "DejaVuSans-Bold.ttf")));
            if (dir is null)
                throw new InvalidOperationException("NnVizRepro figures need the DejaVu Sans font (DejaVuSans.ttf and DejaVuSans-Bold.ttf), " +
                    "not found in " + string.Join(", ", FontDirectories()) + ". Install it with tools/install-deps.sh " +
                    "(Debian/Ubuntu: apt-get install fonts-dejavu-core) or set NNVIZ_FONT_DIR to the folder holding those files.");
            Fonts.AddFontFile(Font, Path.Combine(dir, "DejaVuSans.ttf"), bold: false, italic: false);
            Fonts.AddFontFile(Font, Path.Combine(dir, "DejaVuSans-Bold.ttf"), bold: true, italic: false);
            // The file resolvers go first, ahead of the system lookup, so these files are what "DejaVu Sans" means.
            var files = Fonts.FontResolvers.GetRange(Fonts.FontResolvers.Count - 2, 2);
            Fonts.FontResolvers.RemoveRange(Fonts.FontResolvers.Count - 2, 2);
            Fonts.FontResolvers.InsertRange(0, files);
            Fonts.Default = Font;
            Fonts.DefaultFontStyle = null; // a fixed typeface here would override every label's bold flag
            loaded = true;
        }
    }

    public static Color Of(string hex, double opacity = 1)
    {
        var c = Rgb.Parse(hex);
        return new Color(c.R, c.G, c.B, Alpha(opacity));
    }

    public static Color Of(Rgb c, double opacity = 1) => new(c.R, c.G, c.B, Alpha(opacity));

    private static byte Alpha(double opacity) => (byte)Math.Clamp(Math.Round(opacity * 255, MidpointRounding.AwayFromZero), 0, 255);

    public static LinePattern Pattern(double[]? dash) =>
        dash is { Length: > 0 } d ? new LinePattern([.. d.Select(v => (float)v)], 0, "dash") : LinePattern.Solid;

    /// <summary>A text style in the figures' font.</summary>
    public static LabelStyle Label(float size, Color color, bool bold = false, Alignment alignment = Alignment.MiddleLeft) => new()
    {
        Font = null, FontName = Font, FontSize = size, ForeColor = color, Bold = bold, Alignment = alignment, AntiAliasText = true,
    };
}
