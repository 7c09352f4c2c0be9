namespace NnViz.Plot;

/// <summary>
/// What an animation is, apart from how it is written (matplotlib's FuncAnimation split): an ordered list of
/// frames, each a complete figure with a label ("epoch 12"). Marks that carry the same <see cref="Mark.Key"/>
/// in consecutive frames are "the same thing", which an interactive player may use to tween.
/// Writers: <see cref="PngFrames"/> (one PNG per frame, what the HTML player in NnViz.Web shows),
/// <see cref="VideoExport"/> (GIF, MP4 from the same PNG frames).
/// </summary>
public sealed record Animation(string Title, IReadOnlyList<AnimationFrame> Frames, double FramesPerSecond = 5);

/// <summary>One frame: a label and the figure shown.</summary>
public sealed record AnimationFrame(string Label, Figure Figure);
