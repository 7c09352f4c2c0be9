using NnViz.Lab.Specs;

namespace NnViz.Lab.Experiments.Common;

/// <summary>Options every experiment kind accepts, plus its own.</summary>
public static class CommonOptions
{
    public static Schema With(params Field[] extra) => new Schema("options",
        new Field("video", FieldType.Bool, "also write GIF and MP4 of each animation (needs rsvg-convert and ffmpeg)") { Default = true },
        new Field("frames_per_second", FieldType.Double, "animation speed at 1x") { Default = 8.0, Rule = Rules.Positive() },
        new Field("snapshot_epochs", FieldType.IntList, "epochs shown side by side as static frames (clipped to the run's epochs)"))
        .With(extra);
}
