using System.Text.Json;
using NnViz.Testing;

namespace NnViz.Engine.Tests;

/// <summary>A PyTorch parity fixture written by tools/parity/make_fixtures.py.</summary>
internal sealed class Fixture(JsonElement root)
{
    public static Fixture Load(string name)
    {
        var path = Path.Combine(RepoPaths.Root, "tests", "NnViz.Engine.Tests", "Fixtures", name + ".json");
        return new Fixture(JsonDocument.Parse(File.ReadAllText(path)).RootElement);
    }

    public JsonElement Root => root;
    public int Int(string key) => root.GetProperty(key).GetInt32();
    public string Str(string key) => root.GetProperty(key).GetString()!;
    public float[] F(string key) => F(root, key);
    public static float[] F(JsonElement e, string key)
    {
        var a = e.GetProperty(key);
        var r = new float[a.GetArrayLength()];
        int i = 0;
        foreach (var v in a.EnumerateArray()) r[i++] = v.GetSingle();
        return r;
    }
    public Fixture Sub(string key) => new(root.GetProperty(key));

    /// <summary>Asserts the parity tolerance, 1e-4 relative to max(|expected|, floor) (so values below the floor are compared
    /// at 1e-4·floor absolute), and returns the largest relative error seen for the report.</summary>
    public static double Close(float[] expected, ReadOnlySpan<float> actual, string what, double tol = 1e-4, double floor = 1e-2)
    {
        double worst = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            double err = Math.Abs(expected[i] - actual[i]) / Math.Max(Math.Abs(expected[i]), floor);
            worst = Math.Max(worst, err);
            Assert.True(err <= tol, $"{what}[{i}]: PyTorch {expected[i]:R}, engine {actual[i]:R}, rel err {err:E2}");
        }
        return worst;
    }
}
