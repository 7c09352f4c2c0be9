using System.Diagnostics;
using System.Globalization;

namespace NnViz.Plot;

/// <summary>
/// Writes an animation as GIF or MP4: every frame SVG -> PNG with rsvg-convert, then ffmpeg. Options are fixed
/// and ffmpeg runs single-threaded with +bitexact so the same frames give the same bytes. A missing tool gives
/// an <see cref="ExportResult"/> with <see cref="ExportStatus.ToolMissing"/>, never an exception.
/// </summary>
public static class VideoExport
{
    public static ExportResult Gif(Animation animation, string outputPath, ExportTools? tools = null) =>
        Export(animation, outputPath, tools ?? ExportTools.FromPath(), GifArguments);

    public static ExportResult Mp4(Animation animation, string outputPath, ExportTools? tools = null) =>
        Export(animation, outputPath, tools ?? ExportTools.FromPath(), Mp4Arguments);

    // One palette for the whole animation (palettegen over all frames), ordered dithering: deterministic, no flicker.
    private static string[] GifArguments(string fps, string pattern, string output) =>
    [
        "-hide_banner", "-loglevel", "error", "-y", "-framerate", fps, "-i", pattern,
        "-filter_threads", "1", "-filter_complex",
        "[0:v]split[a][b];[a]palettegen=stats_mode=full[p];[b][p]paletteuse=dither=bayer:bayer_scale=4",
        "-loop", "0", "-threads", "1", "-map_metadata", "-1", "-fflags", "+bitexact", "-flags", "+bitexact", output,
    ];

    // H.264 in yuv420p (plays everywhere) needs even dimensions; one x264 thread keeps the bitstream reproducible.
    private static string[] Mp4Arguments(string fps, string pattern, string output) =>
    [
        "-hide_banner", "-loglevel", "error", "-y", "-framerate", fps, "-i", pattern,
        "-filter_threads", "1", "-vf", "scale=trunc(iw/2)*2:trunc(ih/2)*2:flags=bicubic,format=yuv420p",
        "-c:v", "libx264", "-preset", "medium", "-crf", "20", "-pix_fmt", "yuv420p", "-threads", "1",
        "-map_metadata", "-1", "-fflags", "+bitexact", "-flags:v", "+bitexact", "-movflags", "+faststart", output,
    ];

    private static ExportResult Export(Animation animation, string outputPath, ExportTools tools,
        Func<string, string, string, string[]> ffmpegArguments)
    {
        if (tools.MissingMessage() is { } missing) return new ExportResult(ExportStatus.ToolMissing, null, missing);
        if (animation.Frames.Count == 0) return new ExportResult(ExportStatus.Failed, null, "animation has no frames");
        var work = Directory.CreateTempSubdirectory("nnviz-video-");
        try
        {
            var svgs = SvgFrameWriter.Write(animation, work.FullName);
            var first = animation.Frames[0].Figure;
            string w = ((int)Math.Round(first.Width)).ToString(CultureInfo.InvariantCulture);
            string h = ((int)Math.Round(first.Height)).ToString(CultureInfo.InvariantCulture);
            string? error = null;
            // Frames are independent files, so converting two at a time cannot change any output byte.
            Parallel.For(0, svgs.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
            {
                string png = Path.ChangeExtension(svgs[i], ".png");
                var r = Run(tools.RsvgConvert!, ["-w", w, "-h", h, "--background-color=white", "-o", png, svgs[i]]);
                if (r is not null) Interlocked.CompareExchange(ref error, $"rsvg-convert failed on frame {i}: {r}", null);
            });
            if (error is not null) return new ExportResult(ExportStatus.Failed, null, error);

            string full = Path.GetFullPath(outputPath);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            string fps = animation.FramesPerSecond.ToString("0.###", CultureInfo.InvariantCulture);
            string pattern = Path.Combine(work.FullName, $"frame_%0{SvgFrameWriter.Digits(svgs.Count)}d.png");
            var fr = Run(tools.Ffmpeg!, ffmpegArguments(fps, pattern, full));
            return fr is null
                ? new ExportResult(ExportStatus.Written, full, $"wrote {animation.Frames.Count} frames to {Path.GetFileName(full)}")
                : new ExportResult(ExportStatus.Failed, null, "ffmpeg failed: " + fr);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>Runs a program; null on success, otherwise its exit code and the end of its stderr.</summary>
    private static string? Run(string program, IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi);
        if (p is null) return "could not start " + program;
        var stderr = p.StandardError.ReadToEndAsync();
        p.StandardOutput.ReadToEnd();
        if (!p.WaitForExit(TimeSpan.FromMinutes(10))) { p.Kill(entireProcessTree: true); return "timed out after 10 minutes"; }
        string err = stderr.Result.Trim();
        return p.ExitCode == 0 ? null : $"exit code {p.ExitCode}: {(err.Length > 600 ? err[^600..] : err)}";
    }
}
