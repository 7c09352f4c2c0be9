using System.Globalization;
using System.Text;

namespace NnViz.Data;

/// <summary>The data status as plain text for `nnviz data status` (no colours: the CLI may add them).</summary>
public static class DataStatusText
{
    public static string Format(DataStatusReport report)
    {
        var sb = new StringBuilder();
        string origin = report.Folder.Origin switch
        {
            "given" => "given explicitly",
            "default" => $"default; set {DataCatalog.EnvironmentVariable} to use another folder",
            _ => $"from {DataCatalog.EnvironmentVariable}",
        };
        Line(sb, $"Data folder: {report.Folder.Path} ({origin})");
        Line(sb, "Always available (generated, no files): polynomial, rings, moons, blobs; text corpora: restaurant and movie reviews, repetitive, toxic, title/abstract");
        foreach (DataSetStatus s in report.Sets)
        {
            Line(sb, "");
            string state = s.State switch { DataSetState.Present => "present", DataSetState.Partial => "PARTIAL", _ => "missing" };
            Line(sb, $"[{state}{(s.UsesSample ? ", sample" : "")}] {s.Set.Id}: {s.Set.Title} (used by {s.Set.UsedBy})");
            if (s.Location is not null) Line(sb, $"  location: {s.Location}");
            foreach (FileStatus f in s.Files) Line(sb, "  " + Describe(f));
            if (s.State != DataSetState.Present || s.UsesSample)
            {
                Line(sb, $"  get it:   {s.Set.HowToGet}");
                Line(sb, $"  put it:   {s.Set.WhereToPut.Replace("<data>", report.Folder.Path)}");
                if (s.Set.Fallback is not null) Line(sb, $"  meanwhile: {s.Set.Fallback}");
            }
        }
        return sb.ToString();
    }

    private static string Describe(FileStatus f)
    {
        if (!f.Found) return $"{(f.Expected.Required ? "missing " : "absent  ")} {f.Expected.Name}";
        string what = f.Expected.IsFolder
            ? string.Create(CultureInfo.InvariantCulture, $"{f.FileCount} files")
            : string.Create(CultureInfo.InvariantCulture, $"{f.Bytes} bytes");
        string check = f.Checksum switch
        {
            ChecksumVerdict.Matches => $"sha256 {f.Sha256} (matches a published copy)",
            ChecksumVerdict.Differs => $"sha256 {f.Sha256} (DIFFERS from the published file: re-compressed or altered; the reader still checks the content)",
            ChecksumVerdict.NoReference => $"sha256 {f.Sha256} (no published checksum)",
            _ => "",
        };
        return $"found    {f.Path}{(f.IsSample ? " (sample)" : "")}, {what}{(check.Length > 0 ? ", " + check : "")}";
    }

    private static void Line(StringBuilder sb, string text) => sb.Append(text).Append('\n');
}
