using System.Globalization;
using System.Text;

namespace NnViz.Data;

/// <summary>The status of one set in a data folder: its best copy and that copy's identity (when computed), and the other copies.</summary>
public sealed record SetStatus(DataSetInfo Info, LocatedDataSet? Best, DataIdentity? Identity, IReadOnlyList<LocatedDataSet> Others);

/// <summary>
/// <c>nnviz data status</c>: for each known set what is present, where, how it was recognised, its identity (files,
/// SHA-256 and whether they are a known copy, rows, identity hash) and what uses it; for a missing set what was
/// looked for, how to get it and what runs meanwhile.
/// </summary>
public static class DataStatusView
{
    public static IReadOnlyList<SetStatus> Collect(string dataFolder, bool identities = true) =>
        DataSetCatalog.All.Select(info =>
        {
            IReadOnlyList<LocatedDataSet> all = DataResolver.FindAll(dataFolder, info.Set);
            LocatedDataSet? best = all.FirstOrDefault();
            DataIdentity? id = identities && best is { IsComplete: true } ? best.Identity() : null;
            return new SetStatus(info, best, id, all.Skip(1).ToArray());
        }).ToArray();

    public static string Format(DataFolder folder, IReadOnlyList<SetStatus> sets)
    {
        var sb = new StringBuilder();
        string origin = folder.Origin switch
        {
            "given" => "given with --data",
            "default" => $"the default; set {DataCatalog.EnvironmentVariable} or pass --data to use another folder",
            _ => $"from {DataCatalog.EnvironmentVariable}",
        };
        Line(sb, $"Data folder: {folder.Path} ({origin})");
        foreach (SetStatus s in sets)
        {
            Line(sb, "");
            string state = s.Best is null ? "missing" : !s.Best.IsComplete ? "INCOMPLETE" : s.Best.IsSample ? "sample" : "present";
            Line(sb, $"[{state}] {s.Info.Id}: {s.Info.Title}");
            Line(sb, $"  used by:   {s.Info.UsedBy}");
            if (s.Best is LocatedDataSet b) Describe(sb, b, s.Identity);
            else Line(sb, $"  looked for: {s.Info.Published}");
            foreach (LocatedDataSet o in s.Others) Line(sb, $"  also:      {o.Root} ({o.How}){(o.IsComplete ? "" : "; incomplete")}");
            if (s.Best is null || !s.Best.IsComplete || s.Best.IsSample)
            {
                Line(sb, $"  get it:    {s.Info.HowToGet}");
                if (s.Info.Fallback is not null) Line(sb, $"  meanwhile: {s.Info.Fallback}");
            }
        }
        return sb.ToString();
    }

    private static void Describe(StringBuilder sb, LocatedDataSet b, DataIdentity? id)
    {
        Line(sb, $"  where:     {b.Root}");
        Line(sb, $"  found as:  {b.How}");
        if (!b.IsComplete) Line(sb, $"  missing:   {string.Join(", ", b.Missing!)}");
        if (id is null)
        {
            foreach (DataFile f in b.Files) Line(sb, $"  {f.Role,-14} {f.Name}");
            return;
        }
        foreach (FileIdentity f in id.Files)
        {
            string known = f.Checksum == ChecksumVerdict.Matches ? $"= {f.KnownAs}" : "not a known published copy";
            Line(sb, string.Create(CultureInfo.InvariantCulture, $"  {f.Role,-14} {f.Name}, {f.Bytes:N0} bytes, sha256 {f.Sha256} ({known})"));
        }
        Line(sb, "  rows:      " + string.Join(", ", id.Rows.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Part} {r.Rows:N0}"))));
        Line(sb, $"  identity:  {id.Hash}");
    }

    private static void Line(StringBuilder sb, string text) => sb.Append(text).Append('\n');
}
