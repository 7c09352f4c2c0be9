using NnViz.Lab.Specs;

namespace NnViz.Lab.Experiments.Common;

/// <summary>Options every experiment kind accepts, plus its own.</summary>
public static class CommonOptions
{
    public static Schema With(params Field[] extra) => new Schema("options",
        new Field("video", FieldType.Bool, "also write GIF and MP4 of each animation (needs ffmpeg)") { Default = true },
        new Field("frames_per_second", FieldType.Double, "animation speed at 1x") { Default = 8.0, Rule = Rules.Positive() },
        new Field("snapshot_epochs", FieldType.IntList, "epochs shown side by side as static frames (clipped to the run's epochs)"))
        .With(extra);
}

/// <summary>The typed common options: GIF/MP4 export, animation speed, and the epochs shown side by side.</summary>
public sealed record CommonSettings(bool Video, double FramesPerSecond, IReadOnlyList<int>? Snapshots)
{
    public static CommonSettings Bind(Section o) => new(o.Bool("video"), o.Double("frames_per_second"),
        o.Has("snapshot_epochs") ? [.. o.Ints("snapshot_epochs").Select(e => (int)e)] : null);

    /// <summary>Epochs to show side by side: the spec's list clipped to the run, else first, middle-ish and last.</summary>
    public IReadOnlyList<int> SnapshotEpochs(int epochs)
    {
        IEnumerable<int> wanted = Snapshots ?? [1, Math.Max(1, epochs / 5), epochs];
        return wanted.Select(e => Math.Clamp(e, 1, epochs)).Distinct().Order().ToList();
    }
}
