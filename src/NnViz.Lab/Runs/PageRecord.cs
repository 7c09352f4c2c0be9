using System.Text.Json;
using NnViz.Lab.Experiments;

namespace NnViz.Lab.Runs;

/// <summary>One page block as data (the kind's <see cref="PageBlock"/>s, kept beside a store entry).</summary>
public sealed record BlockRecord(string Type, string? Markdown = null, string? Path = null, string? Title = null, string? Alt = null,
    string? Caption = null, IReadOnlyList<string>? DataLinks = null, string? PlayerHtml = null, IReadOnlyList<string[]>? Links = null,
    IReadOnlyList<string>? Header = null, IReadOnlyList<IReadOnlyList<string>>? Rows = null, string? Html = null);

/// <summary>
/// What a kind returned besides its artifacts (page blocks, data used, thumbnail), stored as <c>page.json</c> beside a
/// unit's store entry: claims judged over several seeds, or units trained on other machines and merged, get their page
/// from it without running the kind again.
/// </summary>
public sealed record PageRecord(IReadOnlyList<BlockRecord> Blocks, string DataUsed, bool GeneratedData, string? Thumbnail, bool WriteUpSynthetic,
    IReadOnlyList<NnViz.Data.DataUse>? DataUses = null)
{
    public static PageRecord Of(ExperimentOutput o) =>
        new([.. o.Blocks.Select(Block)], o.DataUsed, o.GeneratedData, o.Thumbnail, o.WriteUpSynthetic, o.DataUses);

    public ExperimentOutput ToOutput(IReadOnlyDictionary<string, double> metrics) =>
        new([.. Blocks.Select(Block)], metrics, DataUsed, GeneratedData, Thumbnail, WriteUpSynthetic, DataUses);

    public static string PathIn(string entry) => System.IO.Path.Combine(entry, "page.json");

    public void Write(string entry)
    {
        string file = PathIn(entry), tmp = file + ".tmp";
        File.WriteAllText(tmp, JsonSerializer.Serialize(this, ArtifactSink.JsonOptions));
        File.Move(tmp, file, overwrite: true);
    }

    public static PageRecord? Read(string entry)
    {
        string file = PathIn(entry);
        if (!File.Exists(file)) return null;
        try { return JsonSerializer.Deserialize<PageRecord>(File.ReadAllText(file), ArtifactSink.JsonOptions); }
        catch (JsonException) { return null; }
    }

    private static BlockRecord Block(PageBlock b) => b switch
    {
        MarkdownBlock m => new("markdown", Markdown: m.Markdown),
        FigureBlock f => new("figure", Path: f.Path, Title: f.Title, Alt: f.Alt, Caption: f.Caption, DataLinks: f.DataLinks),
        AnimationBlock a => new("animation", Title: a.Title, PlayerHtml: a.PlayerHtml, Caption: a.Caption, Links: [.. a.Links.Select(l => new[] { l.Label, l.Path })]),
        TableBlock t => new("table", Title: t.Title, Header: t.Header, Rows: t.Rows, Caption: t.Caption),
        HtmlBlock h => new("html", Html: h.Html),
        _ => throw new ArgumentOutOfRangeException(nameof(b)),
    };

    private static PageBlock Block(BlockRecord r) => r.Type switch
    {
        "markdown" => new MarkdownBlock(r.Markdown!),
        "figure" => new FigureBlock(r.Path!, r.Title!, r.Alt!, r.Caption!, r.DataLinks!),
        "animation" => new AnimationBlock(r.Title!, r.PlayerHtml!, r.Caption!, [.. r.Links!.Select(l => (l[0], l[1]))]),
        "table" => new TableBlock(r.Title!, r.Header!, r.Rows!, r.Caption ?? ""),
        "html" => new HtmlBlock(r.Html!),
        _ => throw new InvalidDataException($"page.json: unknown block type '{r.Type}'"),
    };
}
