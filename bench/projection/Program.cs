using System.Diagnostics;
using System.Globalization;
using NnViz.Engine;
using NnViz.Projection.Sequences;
using Bench.Projection;

int n = 300, d = 20, frames = 4;
foreach (var speed in new[] { 0.8, 2.0, 4.0 })
{
    var data = Drift.Make(new Rng(40), n, d, frames, maxSpeed: speed);
    foreach (var method in new[] { SequenceMethod.Tsne, SequenceMethod.Umap })
    foreach (var strategy in new[] { SequenceStrategy.Independent, SequenceStrategy.Joint })
    {
        var sw = Stopwatch.StartNew();
        var r = SequenceProjector.Project(data, n, d, new SequenceOptions { Method = method, Strategy = strategy, Umap = new() { Epochs = 200 }, Tsne = new() { Iterations = 500 } }, new Rng(1));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"speed {speed} {method,-5} {strategy,-11} corr={r.Stability.MovementCorrelation:F3} [{string.Join(" ", r.Stability.PerTransitionCorrelation.Select(v => v.ToString("F2", CultureInfo.InvariantCulture)))}] disp={r.Stability.MeanDisplacement:F3} trust={r.Quality!.Average(q => q.Trustworthiness):F3} {sw.Elapsed.TotalSeconds:F1}s"));
    }
}
