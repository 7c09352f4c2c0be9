using System.Diagnostics;
using System.Globalization;

namespace NnViz.Plot;

/// <summary>
/// Writes an animation as GIF or MP4: every frame drawn to PNG in-process (<see cref="PngFrames"/>), piped into ffmpeg.
/// Options are fixed and ffmpeg runs single-threaded with +bitexact so the same frames give the same bytes. A missing
/// ffmpeg gives an <see cref="ExportResult"/> with <see cref="ExportStatus.ToolMissing"/>, never an exception.
/// </summary>
public static class VideoExport
{
    public static ExportResult Gif(Animation animation, string outputPath, ExportTools? tools = null) =>
        Export(animation, outputPath, tools ?? ExportTools.FromPath(), GifArguments);

    public static ExportResult Mp4(Animation animation, string outputPath, ExportTools? tools = null) =>
        Export(animation, outputPath, tools ?? ExportTools.FromPath(), Mp4Arguments);

    private static string[] Input(string fps) =>
        ["-hide_banner", "-loglevel", "error", "-y", "-f", "image2pipe", "-c:v", "png", "-framerate", fps, "-i", "-"];

    // One palette for the whole animation (palettegen over all frames), ordered dithering: deterministic, no flicker.
    private static string[] GifArguments(string fps, string output) =>
    [
        .. Input(fps), "-filter_threads", "1", "-filter_complex",
        "[0:v]split[a][b];[a]palettegen=stats_mode=full[p];[b][p]paletteuse=dither=bayer:bayer_scale=4",
        "-loop", "0", "-threads", "1", "-map_metadata", "-1", "-fflags", "+bitexact", "-flags", "+bitexact", "-f", "gif", output,
    ];

    // H.264 in yuv420p (plays everywhere) needs even dimensions; one x264 thread keeps the bitstream reproducible.
    private static string[] Mp4Arguments(string fps, string output) =>
    [
        .. Input(fps), "-filter_threads", "1", "-vf", "scale=trunc(iw/2)*2:trunc(ih/2)*2:flags=bicubic,format=yuv420p",
        "-c:v", "libx264", "-preset", "medium", "-crf", "20", "-pix_fmt", "yuv420p", "-threads", "1",
        "-map_metadata", "-1", "-fflags", "+bitexact", "-flags:v", "+bitexact", "-movflags", "+faststart", "-f", "mp4", output,
    ];

    private static ExportResult Export(Animation animation, string outputPath, ExportTools tools, Func<string, string, string[]> arguments)
    {
        if (tools.MissingMessage() is { } missing) return new ExportResult(ExportStatus.ToolMissing, null, missing);
        if (animation.Frames.Count == 0) return new ExportResult(ExportStatus.Failed, null, "animation has no frames");
        var frames = PngFrames.Render(animation);
        string full = Path.GetFullPath(outputPath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        // ffmpeg writes next to the target and the file is moved in place only when it succeeded: nothing half-written.
        string partial = full + ".partial";
        string fps = animation.FramesPerSecond.ToString("0.###", CultureInfo.InvariantCulture);
        var error = Run(tools.Ffmpeg!, arguments(fps, partial), frames);
        if (error is not null)
        {
            if (File.Exists(partial)) File.Delete(partial);
            return new ExportResult(ExportStatus.Failed, null, "ffmpeg failed: " + error);
        }
        File.Move(partial, full, overwrite: true);
        return new ExportResult(ExportStatus.Written, full, $"wrote {animation.Frames.Count} frames to {Path.GetFileName(full)}");
    }

    /// <summary>Runs ffmpeg with the PNG frames on its standard input; null on success, otherwise its exit code and the end of its stderr.</summary>
    private static string? Run(string program, IEnumerable<string> args, IReadOnlyList<byte[]> frames)
    {
        var psi = new ProcessStartInfo(program)
        {
            RedirectStandardError = true, RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false,
        };
        foreach (string a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi);
        if (p is null) return "could not start " + program;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEndAsync();
        try
        {
            using var input = p.StandardInput.BaseStream;
            foreach (var frame in frames) input.Write(frame);
        }
        catch (IOException) { /* ffmpeg stopped reading: its exit code and stderr say why */ }
        if (!p.WaitForExit(TimeSpan.FromMinutes(10))) { p.Kill(entireProcessTree: true); return "timed out after 10 minutes"; }
        _ = stdout.Result;
        string err = stderr.Result.Trim();
        return p.ExitCode == 0 ? null : $"exit code {p.ExitCode}: {(err.Length > 600 ? err[^600..] : err)}";
    }
}
