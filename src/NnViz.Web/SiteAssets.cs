using System.Reflection;
using System.Text;

namespace NnViz.Web;

/// <summary>
/// The report site's static assets (site.css, player.js), embedded in this assembly so the runner can copy them
/// next to the pages. Bytes are deterministic: UTF-8 without BOM, '\n' line endings, scripts joined in name order.
/// </summary>
public static class SiteAssets
{
    public const string CssFile = "site.css";
    public const string ScriptFile = "player.js";

    /// <summary>The file names <see cref="WriteTo"/> writes.</summary>
    public static IReadOnlyList<string> FileNames { get; } = [CssFile, ScriptFile];

    /// <summary>The stylesheet: page typography, cards, tables, verdict badges and the players.</summary>
    public static string Css => Normalize(ReadResource("NnViz.Web.site.css"));

    /// <summary>All player code (flipbook, point cloud, 3-D scatter) as one script; it mounts every
    /// <c>[data-nnviz]</c> element once the document is parsed.</summary>
    public static string Script
    {
        get
        {
            var asm = typeof(SiteAssets).Assembly;
            var parts = asm.GetManifestResourceNames()
                .Where(n => n.StartsWith("NnViz.Web.js.", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .Select(n => $"/* ---- {n["NnViz.Web.js.".Length..]} ---- */\n" + Normalize(ReadResource(n)).TrimEnd('\n') + "\n");
            return string.Concat(parts);
        }
    }

    /// <summary>Writes site.css and player.js into <paramref name="assetsDir"/> (created if missing).</summary>
    public static void WriteTo(string assetsDir)
    {
        Directory.CreateDirectory(assetsDir);
        var utf8 = new UTF8Encoding(false);
        File.WriteAllText(Path.Combine(assetsDir, CssFile), Css, utf8);
        File.WriteAllText(Path.Combine(assetsDir, ScriptFile), Script, utf8);
    }

    /// <summary>The head tags that load the written assets; <paramref name="assetsHref"/> is relative to the page
    /// (e.g. "assets" or "../assets").</summary>
    public static string LinkTags(string assetsHref = "assets")
    {
        string h = Html.Attr(assetsHref.TrimEnd('/'));
        return $"<link rel=\"stylesheet\" href=\"{h}/{CssFile}\">\n<script src=\"{h}/{ScriptFile}\" defer></script>\n";
    }

    /// <summary>The same assets inlined, for a page that must stand alone (one file, no folder).</summary>
    public static string InlineTags() =>
        $"<style>\n{Css}</style>\n<script>\n{Script}</script>\n";

    private static string ReadResource(string name)
    {
        using var s = typeof(SiteAssets).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded asset {name} is missing from {typeof(SiteAssets).Assembly.GetName().Name}");
        using var r = new StreamReader(s, Encoding.UTF8);
        return r.ReadToEnd();
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n");
}
