using System.Globalization;
using System.Text;

namespace NnViz.Plot;

/// <summary>Writes an animation as one SVG file per frame: frame_000.svg, frame_001.svg, ... (UTF-8, no BOM).</summary>
public static class SvgFrameWriter
{
    /// <summary>The file name of frame <paramref name="index"/>; at least three digits so names sort in frame order.</summary>
    public static string FileName(int index, int count, string extension = "svg") =>
        "frame_" + index.ToString("D" + Digits(count).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + "." + extension;

    /// <summary>Digits in a frame number: three, or more for animations of over a thousand frames.</summary>
    public static int Digits(int count) => Math.Max(3, (Math.Max(1, count) - 1).ToString(CultureInfo.InvariantCulture).Length);

    /// <summary>Renders every frame into <paramref name="directory"/> (created if needed); returns the paths in frame order.</summary>
    public static IReadOnlyList<string> Write(Animation animation, string directory)
    {
        Directory.CreateDirectory(directory);
        var files = new string[animation.Frames.Count];
        var utf8 = new UTF8Encoding(false);
        for (int i = 0; i < files.Length; i++)
        {
            files[i] = Path.Combine(directory, FileName(i, files.Length));
            File.WriteAllText(files[i], SvgRenderer.Render(animation.Frames[i].Figure), utf8);
        }
        return files;
    }
}
