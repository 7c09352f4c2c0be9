using NnViz.Data;
using NnViz.Engine;
using NnViz.Lab.Animator;
using NnViz.Testing;
using NnViz.Web;

namespace NnViz.Lab.Tests;

/// <summary>`nnviz animate` (catalogue C6): CSV checkpoints parsed and matched by id, clear errors naming file and line, the page.</summary>
public class AnimateCsvTests
{
    private static DataException Error(string file, string text) =>
        Assert.Throws<DataException>(() => CsvCheckpoint.Parse(file, text));

    [Fact]
    public void RowsAreMatchedByIdInTheFirstFilesOrder()
    {
        var a = CsvCheckpoint.Parse("a.csv", "id,label,x,y\np,neg,0,0\nq,pos,1,1\n");
        var b = CsvCheckpoint.Parse("b.csv", "id,x,label,y\nq,5,pos,6\np,2,neg,3\n");
        var m = CsvCheckpoint.Match([a, b]);
        Assert.Equal(["p", "q"], m[1].Ids);
        Assert.Equal([2f, 3f, 5f, 6f], m[1].Values);
        Assert.Equal(["x", "y"], m[1].ColumnNames);
        Assert.Equal(["neg", "pos"], m[1].Labels!);
    }

    [Theory]
    [InlineData("id,x,y\np,1\n", "bad.csv:2: 2 fields where the header has 3")]
    [InlineData("id,x,y\np,1,2\n,3,4\n", "bad.csv:3: missing id")]
    [InlineData("id,x,y\np,1,2\nq,3,four\n", "bad.csv:3: column 'y': 'four' is not a number")]
    [InlineData("id,x,y\np,1,2\np,3,4\n", "bad.csv:3: id 'p' repeats the id of line 2")]
    [InlineData("name,x,y\np,1,2\n", "bad.csv:1: missing column id")]
    [InlineData("id,x,y\n", "bad.csv:1: no data rows after the header")]
    public void BadCsvsNameTheFileAndLine(string text, string message) =>
        Assert.StartsWith(message, Error("bad.csv", text).Message);

    [Fact]
    public void IdsThatDoNotMatchBetweenFilesNameTheSecondFileAndLine()
    {
        var a = CsvCheckpoint.Parse("a.csv", "id,x,y\np,0,0\nq,1,1\n");
        var b = CsvCheckpoint.Parse("b.csv", "id,x,y\np,0,0\nr,1,1\n");
        var e = Assert.Throws<DataException>(() => CsvCheckpoint.Match([a, b]));
        Assert.StartsWith("b.csv:3: id 'r' is not in a.csv", e.Message);
        var c = CsvCheckpoint.Parse("c.csv", "id,x\np,0\nq,1\n");
        Assert.StartsWith("c.csv:1: 1 numeric columns but a.csv has 2", Assert.Throws<DataException>(() => CsvCheckpoint.Match([a, c])).Message);
    }

    [Fact]
    public void TwoColumnsAreDrawnAsGivenAndThePageIsSelfContained()
    {
        var a = CsvCheckpoint.Parse("e1.csv", "id,label,text,x,y\np,neg,\"bad, cold soup\",0,0\nq,pos,great,1,1\nr,pos,fine,0.5,2\n");
        var b = CsvCheckpoint.Parse("e2.csv", "id,label,text,x,y\nr,pos,fine,1,2\np,neg,\"bad, cold soup\",0,1\nq,pos,great,2,1\n");
        var data = CsvAnimation.Build([a, b], new Rng(1));
        var layout = Assert.Single(data.Layouts);
        Assert.Equal("as given", layout.Name);
        Assert.Equal([0f, 1f, 2f, 1f, 1f, 2f], layout.Frames[1]);
        Assert.Equal(["e1", "e2"], data.FrameLabels);
        string page = AnimatorPage.Standalone("test", data);
        Assert.DoesNotContain("src=\"http", page);
        Assert.DoesNotContain("href=\"http", page);
        Snapshot.Match(PointCloudPlayer.Json(data), "json");
    }

    [Fact]
    public void ManyColumnsAreProjectedAlignedAndIndependentlyWithTheirFigures()
    {
        var rng = new Rng(3);
        string File(int t)
        {
            var sb = new System.Text.StringBuilder("id,label,h0,h1,h2,h3\n");
            var r = new Rng(11);
            for (int i = 0; i < 40; i++)
            {
                double c = i < 20 ? 1 + t : -1 - t;
                sb.Append(System.FormattableString.Invariant($"t{i},{(i < 20 ? "a" : "b")},{c + r.NextGaussian() * 0.5},{r.NextGaussian()},{c + r.NextGaussian() * 0.5},{r.NextGaussian()}\n"));
            }
            return sb.ToString();
        }
        var cps = Enumerable.Range(0, 3).Select(t => CsvCheckpoint.Parse($"epoch{t}.csv", File(t))).ToList();
        var data = CsvAnimation.Build(cps, rng, iterations: 150);
        Assert.Equal(["aligned", "independent"], data.Layouts.Select(l => l.Name));
        Assert.All(data.Layouts, l => Assert.Contains(l.Metrics!, m => m.Name == "temporal stability"));
        Assert.All(data.Layouts, l => Assert.Contains(l.Metrics!, m => m.Name == "trustworthiness" && m.Value > 0.5 && m.Value <= 1));
    }
}
