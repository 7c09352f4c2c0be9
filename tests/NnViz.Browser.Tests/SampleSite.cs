using System.Globalization;
using System.Text;
using NnViz.Web;

namespace NnViz.Browser.Tests;

/// <summary>
/// Small deterministic pages built with the NnViz.Web API, for the browser tests and the benchmark. Positions come
/// from closed-form formulas (a golden-ratio sequence), not from a random generator.
/// </summary>
public static class SampleSite
{
    /// <summary>Parent of every page the tests write; <see cref="BrowserFixture"/> prunes old runs from it.</summary>
    public static string TempRoot => Path.Combine(Path.GetTempPath(), "nnviz-browser-tests");

    public static string NewDir(string name)
    {
        Directory.CreateDirectory(TempRoot);
        string dir = Path.Combine(TempRoot, name + "-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>Deletes test folders older than <paramref name="age"/> (a concurrent run's fresh folders stay).</summary>
    public static void PruneOlderThan(TimeSpan age)
    {
        if (!Directory.Exists(TempRoot)) return;
        foreach (var d in new DirectoryInfo(TempRoot).GetDirectories())
            if (DateTime.UtcNow - d.CreationTimeUtc > age)
                try { d.Delete(recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>Four classes that start mixed and separate over the frames: point i of class i % 4.</summary>
    public static PointCloudData Clusters(int n, int frames, string title = "Hidden representations", string? group = null,
        float twist = 0f)
    {
        var ids = Enumerable.Range(0, n).Select(i => "p" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var classes = Enumerable.Range(0, n).Select(i => i % 4).ToArray();
        var layout = new float[frames][];
        for (int f = 0; f < frames; f++)
        {
            float a = frames == 1 ? 1f : f / (float)(frames - 1);
            var xy = new float[2 * n];
            for (int i = 0; i < n; i++)
            {
                double u = Frac(i * 0.6180339887), v = Frac(i * 0.7548776662 + 0.5);
                double r = Math.Sqrt(v), ang = 2 * Math.PI * u;
                double cx = Math.Cos(classes[i] * Math.PI / 2 + twist) * 2.5, cy = Math.Sin(classes[i] * Math.PI / 2 + twist) * 2.5;
                xy[2 * i] = (float)(r * Math.Cos(ang) * 3 * (1 - a) + (cx + r * Math.Cos(ang)) * a);
                xy[2 * i + 1] = (float)(r * Math.Sin(ang) * 3 * (1 - a) + (cy + r * Math.Sin(ang)) * a);
            }
            layout[f] = xy;
        }
        var toxic = Enumerable.Range(0, n).Select(i => i % 7 == 0 ? 1 : 0).ToArray();
        return new PointCloudData(ids,
            Enumerable.Range(1, frames).Select(e => "epoch " + e.ToString(CultureInfo.InvariantCulture)).ToArray(),
            [new PointLayout("aligned", layout, [new("trustworthiness", 0.934), new("temporal stability", 0.712)]),
             new PointLayout("independent", layout.Select(Rotate).ToArray(), [new("trustworthiness", 0.921), new("temporal stability", -0.08)])],
            [new LabelColumn("class", classes, ["negative", "neutral", "positive", "mixed"]),
             new LabelColumn("toxic", toxic, ["no", "yes"], ["#b8c4d6", "#D55E00"])])
        {
            Title = title,
            Texts = ids.Select(id => "Review " + id + ": the food was <great> & the service slow").ToArray(),
            Group = group,
            ShowNeighbours = true,
        };
    }

    private static float[] Rotate(float[] xy, int f)
    {
        double c = Math.Cos(f * 1.3), s = Math.Sin(f * 1.3);
        var r = new float[xy.Length];
        for (int i = 0; i < xy.Length; i += 2)
        {
            r[i] = (float)(c * xy[i] - s * xy[i + 1]);
            r[i + 1] = (float)(s * xy[i] + c * xy[i + 1]);
        }
        return r;
    }

    private static double Frac(double v) => v - Math.Floor(v);

    /// <summary>An SVG frame: a curve whose amplitude grows with the frame, plus the frame label.</summary>
    public static string CurveSvg(int frame, int frames)
    {
        var sb = new StringBuilder();
        sb.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 400 240\" width=\"400\" height=\"240\">");
        sb.Append("<rect width=\"400\" height=\"240\" fill=\"#ffffff\"/><path fill=\"none\" stroke=\"#0072B2\" stroke-width=\"2.5\" d=\"");
        double amp = 90.0 * (frame + 1) / frames;
        for (int x = 0; x <= 400; x += 8)
            sb.Append(CultureInfo.InvariantCulture, $"{(x == 0 ? "M" : "L")}{x},{120 - amp * Math.Sin(x / 40.0):0.#} ");
        sb.Append("\"/>");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"12\" y=\"24\" font-family=\"sans-serif\" font-size=\"16\" fill=\"#1d2430\">frame {frame + 1}</text></svg>");
        return sb.ToString();
    }

    /// <summary>Writes frame SVG files plus a page using them by path; returns the page path.</summary>
    public static string FlipbookByFiles(string dir, int frames)
    {
        var list = new List<FlipbookFrame>();
        for (int f = 0; f < frames; f++)
        {
            string name = $"frame-{f:000}.svg";
            File.WriteAllText(Path.Combine(dir, name), CurveSvg(f, frames));
            list.Add(new FlipbookFrame("epoch " + (f + 1).ToString(CultureInfo.InvariantCulture), name));
        }
        string page = Path.Combine(dir, "flipbook.html");
        File.WriteAllText(page, FlipbookPlayer.StandalonePage("Polynomial fit, 1-6-1", list, 4, "Target and fitted curve"));
        return page;
    }

    /// <summary>A page linking the written assets with two grouped point clouds (linked views), a flipbook with
    /// inline frames and a 3-D scatter; returns the page path.</summary>
    public static string LinkedSite(string dir, int n = 400)
    {
        SiteAssets.WriteTo(Path.Combine(dir, "assets"));
        var inline = Enumerable.Range(0, 5).Select(f => new FlipbookFrame("epoch " + (f + 1), CurveSvg(f, 5))).ToArray();
        string body =
            "<div class=\"nv-side-by-side\">\n" +
            PointCloudPlayer.Html("lstm", Clusters(n, 4, "LSTM output", "imdb") with { SyncFrames = true }) +
            PointCloudPlayer.Html("dense", Clusters(n, 4, "Dense output", "imdb", twist: 0.6f) with { SyncFrames = true }) +
            "</div>\n" + FlipbookPlayer.Html("fit", "Fit over epochs", inline) +
            Scatter3D.Html("pca3", Sample3D(n));
        string page = Path.Combine(dir, "index.html");
        File.WriteAllText(page, HtmlPage.Linked("Linked views", body));
        return page;
    }

    /// <summary>A page (assets linked) with one point-cloud player "pc"; returns the page path.</summary>
    public static string SinglePointCloud(string dir, int n, int frames)
    {
        SiteAssets.WriteTo(Path.Combine(dir, "assets"));
        string page = Path.Combine(dir, "pointcloud.html");
        File.WriteAllText(page, HtmlPage.Linked("Point cloud", PointCloudPlayer.Html("pc", Clusters(n, frames))));
        return page;
    }

    public static Scatter3DData Sample3D(int n)
    {
        var xyz = new float[3 * n];
        var cls = new int[n];
        for (int i = 0; i < n; i++)
        {
            cls[i] = i % 3;
            double u = Frac(i * 0.6180339887), v = Frac(i * 0.7548776662), w = Frac(i * 0.5698402910);
            xyz[3 * i] = (float)(cls[i] * 2 + u);
            xyz[3 * i + 1] = (float)(v + (cls[i] == 1 ? 2 : 0));
            xyz[3 * i + 2] = (float)(w * 2);
        }
        return new Scatter3DData(Enumerable.Range(0, n).Select(i => "img" + i).ToArray(), xyz,
            [new LabelColumn("digit", cls, ["0", "1", "2"])]) { Title = "PCA, first three components", AxisNames = ["PC1", "PC2", "PC3"] };
    }
}
