using System.Runtime.CompilerServices;
using NnViz.Testing;
using SkiaSharp;

namespace NnViz.Plot.Tests;

/// <summary>
/// Snapshot helpers for figures: the SVG (summarised when over 100 KB, see <see cref="Summarise"/>) is the reviewed snapshot (text, shapes and coordinates are stable across
/// machines; PNG pixels may not be, see the Plot README). NNVIZ_PREVIEW_DIR=dir also writes each figure's PNG (and SVG) there, so a
/// reviewer can look at every snapshot as a picture without a converter.
/// </summary>
internal static partial class FigureSnapshot
{
    public static string Match(Figure figure, [CallerFilePath] string callerFile = "", [CallerMemberName] string callerMember = "")
    {
        string svg = SvgRenderer.Render(figure);
        Preview(figure, $"{Path.GetFileNameWithoutExtension(callerFile)}.{callerMember}", svg);
        string snapshot = svg.Length < Limit ? svg : Summarise(svg);
        Assert.True(snapshot.Length < Limit, $"{callerMember}: snapshot of {snapshot.Length} bytes; keep snapshots under 100 KB");
        Snapshot.Match(snapshot, "svg", null, callerFile, callerMember);
        return svg;
    }

    private const int Limit = 100_000;

    /// <summary>
    /// A large drawing's snapshot: the SVG with every long path's data replaced by its size, its bounding box rounded to
    /// a pixel and an FNV-1a hash of the exact data, so structure, colours and text stay readable in the diff and any
    /// change to the geometry still shows.
    /// </summary>
    public static string Summarise(string svg) => LongPath().Replace(svg, m =>
    {
        string d = m.Groups[1].Value;
        var v = NumberRx().Matches(d).Select(x => double.Parse(x.Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var xs = v.Where((_, i) => i % 2 == 0).ToArray();
        var ys = v.Where((_, i) => i % 2 == 1).ToArray();
        uint h = 2166136261;
        foreach (char c in d) h = (h ^ c) * 16777619;
        return FormattableString.Invariant(
            $" d=\"[{d.Count(char.IsLetter)} commands, x {xs.Min():F0}..{xs.Max():F0}, y {ys.Min():F0}..{ys.Max():F0}, fnv1a {h:x8}]\"");
    });

    [System.Text.RegularExpressions.GeneratedRegex(" d=\"([^\"]{400,})\"")]
    private static partial System.Text.RegularExpressions.Regex LongPath();

    [System.Text.RegularExpressions.GeneratedRegex("-?[0-9.]+")]
    private static partial System.Text.RegularExpressions.Regex NumberRx();

    public static void Preview(Figure figure, string name, string? svg = null)
    {
        if (Environment.GetEnvironmentVariable("NNVIZ_PREVIEW_DIR") is not { Length: > 0 } dir) return;
        Directory.CreateDirectory(dir);
        if (svg is not null) File.WriteAllText(Path.Combine(dir, name + ".svg"), svg);
        File.WriteAllBytes(Path.Combine(dir, name + ".png"), PngRenderer.Render(figure));
    }

    /// <summary>The colour of the PNG pixel at (x, y) as "#rrggbb".</summary>
    public static string PixelAt(byte[] png, int x, int y)
    {
        using var bmp = SKBitmap.Decode(png);
        var c = bmp.GetPixel(x, y);
        return $"#{c.Red:x2}{c.Green:x2}{c.Blue:x2}";
    }
}
