using NnViz.Lab.Runs;
using NnViz.Plot;
using NnViz.Web;

namespace NnViz.Lab.Experiments.Common;

/// <summary>Writes figures and animations into an experiment's artifacts and returns the page blocks showing them.</summary>
public static class Publish
{
    /// <summary>
    /// Renders a figure to figures/&lt;id&gt;.svg (what the pages show and the snapshots compare) and figures/&lt;id&gt;.png
    /// beside it (same drawing, for slides and documents).
    /// </summary>
    public static FigureBlock Figure(RunContext ctx, string id, Figure figure, string caption, params string[] dataLinks)
    {
        string path = $"figures/{id}.svg";
        FigureFiles.Write(figure, ctx.Artifacts.FullPath(path));
        return new FigureBlock(path, figure.Title, figure.Description ?? figure.Title, caption, dataLinks);
    }

    /// <summary>
    /// Writes an animation as PNG frames (animations/&lt;id&gt;/frame_NNN.png, drawn once and also fed to the GIF/MP4),
    /// a standalone player page next to them, and GIF/MP4 when asked and the tools exist; returns the block with the
    /// player for the experiment page.
    /// </summary>
    public static AnimationBlock Animation(RunContext ctx, string id, Animation animation, string caption, bool video, params (string Label, string Path)[] dataLinks)
    {
        string dir = $"animations/{id}";
        var files = PngFrames.Write(animation, ctx.Artifacts.Folder(dir));
        var frames = animation.Frames.Select((f, i) => new FlipbookFrame(f.Label, $"{dir}/{Path.GetFileName(files[i])}")).ToList();
        var local = animation.Frames.Select((f, i) => new FlipbookFrame(f.Label, Path.GetFileName(files[i]))).ToList();
        ctx.Artifacts.Text($"{dir}/player.html", FlipbookPlayer.StandalonePage(animation.Title, local, animation.FramesPerSecond, caption));
        var links = new List<(string, string)> { ("frames (PNG)", $"{dir}/{Path.GetFileName(files[0])}"), ("player page", $"{dir}/player.html") };
        if (video)
        {
            foreach (var (kind, export) in new (string, Func<Animation, string, ExportTools?, ExportResult>)[] { ("gif", VideoExport.Gif), ("mp4", VideoExport.Mp4) })
            {
                string rel = $"{dir}/{id}.{kind}";
                var result = export(animation, ctx.Artifacts.FullPath(rel), null);
                if (result.Ok) links.Add((kind.ToUpperInvariant(), rel));
                else if (result.Status == ExportStatus.ToolMissing) caption += $" ({kind.ToUpperInvariant()} not written: {result.Message})";
                else throw new InvalidOperationException($"{kind} export of {id} failed: {result.Message}");
            }
        }
        links.AddRange(dataLinks);
        string html = FlipbookPlayer.Html($"anim-{id}", animation.Title, frames, animation.FramesPerSecond, caption);
        return new AnimationBlock(animation.Title, html, caption, links);
    }
}
