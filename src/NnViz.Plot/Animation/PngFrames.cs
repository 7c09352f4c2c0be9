using System.Globalization;
using System.Runtime.CompilerServices;

namespace NnViz.Plot;

/// <summary>
/// An animation's frames as PNG bytes, drawn in-process by ScottPlot (fast encoding: one drawing serves the HTML
/// player's frame files and ffmpeg's GIF and MP4). Frames are drawn one at a time (see FigureRenderer.SkiaGate).
/// The PNGs are kept with the animation (weakly: they go when it does), so writing the frame files,
/// its GIF and its MP4 draws the frames once.
/// </summary>
public static class PngFrames
{
    private static readonly ConditionalWeakTable<Animation, byte[][]> Cache = [];

    public static IReadOnlyList<byte[]> Render(Animation animation) =>
        Cache.GetValue(animation, a =>
        {
            var frames = new byte[a.Frames.Count][];
            for (int i = 0; i < frames.Length; i++)
                frames[i] = PngRenderer.Render(a.Frames[i].Figure, PngEncoding.Fast);
            return frames;
        });

    /// <summary>Writes every frame as frame_000.png, ... into <paramref name="directory"/>; returns the paths in frame order.</summary>
    public static IReadOnlyList<string> Write(Animation animation, string directory)
    {
        Directory.CreateDirectory(directory);
        var pngs = Render(animation);
        var files = new string[pngs.Count];
        for (int i = 0; i < files.Length; i++)
        {
            files[i] = Path.Combine(directory, FileName(i, files.Length));
            File.WriteAllBytes(files[i], pngs[i]);
        }
        return files;
    }

    /// <summary>The file name of frame <paramref name="index"/>; at least three digits so names sort in frame order.</summary>
    public static string FileName(int index, int count, string extension = "png") =>
        "frame_" + index.ToString("D" + Digits(count).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + "." + extension;

    /// <summary>Digits in a frame number: three, or more for animations of over a thousand frames.</summary>
    public static int Digits(int count) => Math.Max(3, (Math.Max(1, count) - 1).ToString(CultureInfo.InvariantCulture).Length);
}
