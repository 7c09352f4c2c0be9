using NnViz.Lab.Runs;

namespace NnViz.Lab.Tests;

/// <summary>The runner's NPY arrays: what ArtifactSink writes, NpyFile reads back (the explorer's layer features).</summary>
public sealed class NpyFileTests
{
    [Fact]
    public void WrittenArraysReadBackWithTheirShapeAndA64ByteAlignedHeader()
    {
        string dir = Lab.TempDir("npy");
        try
        {
            var sink = new ArtifactSink(dir);
            float[] x = [1.5f, -2, 0, float.MaxValue, 3, 4];
            sink.Npy("a.npy", x, 2, 3);
            byte[] bytes = File.ReadAllBytes(Path.Combine(dir, "a.npy"));
            Assert.Equal(0, (10 + BitConverter.ToUInt16(bytes, 8)) % 64); // numpy's alignment
            using var s = File.OpenRead(Path.Combine(dir, "a.npy"));
            var (data, shape) = NpyFile.Read(s);
            Assert.Equal(x, data);
            Assert.Equal([2, 3], shape);
            var one = NpyFile.Read(new MemoryStream(NpyFile.Encode([7f], [1])));
            Assert.Equal([1], one.Shape);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void AShapeThatDoesNotHoldTheDataWritesNothing()
    {
        string dir = Lab.TempDir("npy-bad");
        try
        {
            var e = Assert.Throws<ArgumentException>(() => new ArtifactSink(dir).Npy("b.npy", [1f, 2, 3], 2, 2));
            Assert.Contains("shape (2,2) does not hold 3 values", e.Message);
            Assert.False(File.Exists(Path.Combine(dir, "b.npy")));
            Assert.Throws<InvalidDataException>(() => NpyFile.Read(new MemoryStream("not numpy"u8.ToArray())));
        }
        finally { Directory.Delete(dir, true); }
    }
}
