using System.Diagnostics;
using System.Globalization;
using Bench.MlnetPca;
using Microsoft.ML;
using Microsoft.ML.Data;
using NnViz.Data;
using NnViz.Projection.Linear;

// ML.NET's PCA (ProjectToPrincipalComponents: randomized, seeded) against NnViz.Projection's exact and randomized PCA
// on the MNIST test images (10,000 x 784 -> 50). Usage: Bench.MlnetPca <mnist folder> [rounds].
string folder = args.Length > 0 ? args[0] : "../shared/data/mnist";
int rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
const int k = 50;
var images = Mnist.Load(folder, MnistSplit.Test, Mnist.DigitNames);
int n = images.Count, d = images.PixelsPerImage;
double[] x = Array.ConvertAll(images.Pixels, v => (double)v);
Console.WriteLine($"MNIST test images from {folder}: {n} x {d} -> {k}; {Environment.ProcessorCount} processors; {rounds} interleaved rounds");

var methods = new (string Name, Func<double[]> Fit)[]
{
    ("nnviz exact", () => Pca.Fit(x, n, d, new PcaOptions(k, PcaSolver.Exact)).Coordinates),
    ("nnviz randomized (seed 1)", () => Pca.Fit(x, n, d, new PcaOptions(k, PcaSolver.Randomized, 1)).Coordinates),
    ("ml.net randomized (seed 1)", () => MlNetPca(images.Pixels, n, d, k, 1)),
};
var cpu = methods.ToDictionary(m => m.Name, _ => new List<double>());
var wall = methods.ToDictionary(m => m.Name, _ => new List<double>());
var first = new Dictionary<string, double[]>();
var sameBits = methods.ToDictionary(m => m.Name, _ => true);
for (int r = 0; r < rounds; r++)
    foreach (var (name, fit) in methods)
    {
        var (y, c, w) = Time(fit);
        cpu[name].Add(c);
        wall[name].Add(w);
        if (first.TryGetValue(name, out var f)) sameBits[name] &= f.AsSpan().SequenceEqual(y);
        else first[name] = y;
    }
Console.WriteLine("| method | CPU s (min / median) | wall s (median) | explained variance ratio | reconstruction RMSE | same bits every round |");
Console.WriteLine("|---|---|---|---|---|---|");
foreach (var (name, _) in methods)
{
    var q = Quality.Of(x, n, d, first[name], k);
    Console.WriteLine(FormattableString.Invariant(
        $"| {name} | {cpu[name].Min():F3} / {Median(cpu[name]):F3} | {Median(wall[name]):F3} | {q.ExplainedVarianceRatio:F6} | {q.ReconstructionRmse:F6} | {(sameBits[name] ? "yes" : "no")} |"));
}
Console.WriteLine($"ml.net without a seed, two fits: {(MlNetPca(images.Pixels, n, d, k, null).AsSpan().SequenceEqual(MlNetPca(images.Pixels, n, d, k, null)) ? "same bits" : "different bits")}");

static double[] MlNetPca(float[] pixels, int n, int d, int k, int? seed)
{
    var ml = new MLContext(seed);
    var schema = SchemaDefinition.Create(typeof(ImageRow));
    schema[nameof(ImageRow.Pixels)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, d);
    var rows = Enumerable.Range(0, n).Select(i => new ImageRow { Pixels = pixels[(i * d)..((i + 1) * d)] }).ToList();
    var data = ml.Data.LoadFromEnumerable(rows, schema);
    var model = ml.Transforms.ProjectToPrincipalComponents("Projected", nameof(ImageRow.Pixels), rank: k, seed: seed).Fit(data);
    var projected = ml.Data.CreateEnumerable<ProjectedRow>(model.Transform(data), reuseRowObject: false);
    return [.. projected.SelectMany(p => p.Projected.Select(v => (double)v))];
}

static (double[] Y, double Cpu, double Wall) Time(Func<double[]> f)
{
    var p = Process.GetCurrentProcess();
    p.Refresh();
    var c0 = p.TotalProcessorTime;
    var sw = Stopwatch.StartNew();
    var y = f();
    sw.Stop();
    p.Refresh();
    return (y, (p.TotalProcessorTime - c0).TotalSeconds, sw.Elapsed.TotalSeconds);
}

static double Median(List<double> v)
{
    var s = v.Order().ToList();
    return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
}

/// <summary>One image as ML.NET reads it (the vector size is set at run time).</summary>
internal sealed class ImageRow
{
    public float[] Pixels { get; set; } = [];
}

/// <summary>One image's 50 coordinates.</summary>
internal sealed class ProjectedRow
{
    public float[] Projected { get; set; } = [];
}
