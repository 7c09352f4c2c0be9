using NnViz.Data;
using NnViz.Lab.Runs;

namespace NnViz.Lab.Tests;

/// <summary>The console table's data column: the set and the rows used, never the checksums (those stay in summary.json and on the page).</summary>
public class DataLineTests
{
    private static RunSummary Summary(bool generated, bool synthetic = false, IReadOnlyList<DataUseRecord>? data = null) =>
        new("x", "X", "", "quick", 1, 0, 0, "real: jigsaw: train.csv sha256 0123456789ab…; train 11,652 (long sampling text)", generated, null, "hash", false,
            WriteUpSynthetic: synthetic, Data: data);

    private static DataUseRecord Use(string set, params RowCount[] used) =>
        new(set, "seeded sample", [new DataFileRecord("train", "train.csv", 10, new string('a', 64), null)], [new RowCount("train", 11652)], used, "h");

    [Fact]
    public void RealDataShowTheSetAndTheRowsUsedWithoutChecksums()
    {
        string line = DataLine.For(Summary(false, data: [Use("jigsaw", new("train", 2000), new("validation", 200))]));
        Assert.Equal("jigsaw: train 2,000, validation 200", line);
        Assert.Equal("uci-sentences: train 400, validation 60; glove: words 1,234",
            DataLine.For(Summary(false, data: [Use("uci-sentences", new("train", 400), new("validation", 60)), Use("glove", new RowCount("words", 1234))])));
    }

    [Fact]
    public void StandInsAndSyntheticDataSaySo()
    {
        Assert.Equal("stand-in fashion-mnist: train 2,000", DataLine.For(Summary(true, data: [Use("fashion-mnist", new RowCount("train", 2000))])));
        Assert.Equal("generated stand-in (why: on the page)", DataLine.For(Summary(true)));
        Assert.Equal("synthetic, as the write-up's", DataLine.For(Summary(false, synthetic: true)));
        Assert.Equal("generated", DataLine.For(Summary(false)));
    }
}
