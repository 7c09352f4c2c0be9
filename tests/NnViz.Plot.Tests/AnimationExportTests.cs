using System.Diagnostics;
using System.Security.Cryptography;

namespace NnViz.Plot.Tests;

public sealed class AnimationExportTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("nnviz-plot-test-");

    public void Dispose() => _dir.Delete(recursive: true);

    /// <summary>Four frames of a line turning, small so the export takes well under a second.</summary>
    private static Animation Turning(int frames = 4)
    {
        double[] x = SampleFigures.Linspace(-1, 1, 11);
        var list = Enumerable.Range(0, frames).Select(f =>
        {
            var panel = new Panel([new LineMark(x, x.Select(v => v * (f - 1.5)).ToArray(), "#0072b2") { Key = "model" }], "",
                new Axis("x", new DataRange(-1, 1)), new Axis("y", new DataRange(-2, 2)));
            return new AnimationFrame($"epoch {f + 1}", new Figure($"epoch {f + 1}", [panel], 161, 121));
        }).ToList();
        return new Animation("turning line", list, FramesPerSecond: 4);
    }

    private static ExportTools RequireTools()
    {
        var tools = ExportTools.FromPath();
        // CI installs ffmpeg, so a missing tool is a failure here, not a skip.
        if (tools.MissingMessage() is { } m) Assert.Fail(m);
        if (ExportTools.Find("ffprobe") is null) Assert.Fail("ffprobe not found on PATH (apt-get install ffmpeg)");
        return tools;
    }

    private static int FrameCount(string file)
    {
        var psi = new ProcessStartInfo("ffprobe") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries", "stream=nb_read_frames", "-of", "csv=p=0", file })
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return int.Parse(output.Trim().TrimEnd(','), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Sha(string file) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));

    [Fact]
    public void FrameFilesAreNumberedInOrderAndAreTheVideosPngs()
    {
        var animation = Turning();
        var files = PngFrames.Write(animation, _dir.FullName);
        Assert.Equal(["frame_000.png", "frame_001.png", "frame_002.png", "frame_003.png"], files.Select(Path.GetFileName));
        Assert.Equal(PngFrames.Render(animation)[2], File.ReadAllBytes(files[2])); // the player shows what ffmpeg encodes
        Assert.NotEqual(File.ReadAllBytes(files[1]), File.ReadAllBytes(files[2]));
        Assert.Equal("frame_0999.png", PngFrames.FileName(999, 1001));
        Assert.Equal("frame_012.svg", PngFrames.FileName(12, 100, "svg"));
    }

    [Fact]
    public void GifHasEveryFrameAndIsReproducible()
    {
        var tools = RequireTools();
        string a = Path.Combine(_dir.FullName, "a.gif"), b = Path.Combine(_dir.FullName, "b.gif");
        var r = VideoExport.Gif(Turning(), a, tools);
        Assert.True(r.Ok, r.Message);
        Assert.Equal(4, FrameCount(a));
        Assert.True(VideoExport.Gif(Turning(), b, tools).Ok);
        Assert.Equal(Sha(a), Sha(b));
    }

    [Fact]
    public void Mp4HasEveryFrameEvenSizeAndIsReproducible()
    {
        var tools = RequireTools();
        string a = Path.Combine(_dir.FullName, "a.mp4"), b = Path.Combine(_dir.FullName, "b.mp4");
        var r = VideoExport.Mp4(Turning(), a, tools);
        Assert.True(r.Ok, r.Message);
        Assert.Equal(4, FrameCount(a));
        Assert.True(VideoExport.Mp4(Turning(), b, tools).Ok);
        Assert.Equal(Sha(a), Sha(b));
    }

    [Fact]
    public void MissingToolsGiveAResultNotAnException()
    {
        var r = VideoExport.Mp4(Turning(), Path.Combine(_dir.FullName, "x.mp4"), new ExportTools(Ffmpeg: null));
        Assert.Equal(ExportStatus.ToolMissing, r.Status);
        Assert.Null(r.Path);
        Assert.Contains("ffmpeg", r.Message);
        Assert.Contains("apt-get install ffmpeg", r.Message);
        Assert.False(File.Exists(Path.Combine(_dir.FullName, "x.mp4")));
    }

    [Fact]
    public void BrokenToolGivesAFailedResult()
    {
        string target = Path.Combine(_dir.FullName, "x.gif");
        var r = VideoExport.Gif(Turning(), target, new ExportTools("/bin/false"));
        Assert.Equal(ExportStatus.Failed, r.Status);
        Assert.Contains("ffmpeg failed", r.Message);
        Assert.False(File.Exists(target));           // nothing half-written
        Assert.False(File.Exists(target + ".partial"));
    }
}
