using NnViz.Lab.Specs;

namespace NnViz.Lab.Runs;

/// <summary>
/// Deterministic costs of one unit (an experiment at one seed):
/// <list type="bullet">
/// <item><see cref="Estimate"/>: millions of multiply-adds of training, epochs x training rows x the model's weights
/// (dense units times their inputs; a recurrent layer counts 4 gates per time step). The run bound
/// (<see cref="Bound"/>) is on this number, and `nnviz run --dry-run` prints it.</item>
/// <item><see cref="Seconds"/>: predicted CPU seconds of the whole unit (data, training, recording, projection,
/// rendering, page), which the planner balances shards on. Training multiply-adds alone are far off: on ci most units
/// cost 0.5-5 s of CPU whatever their multiply-adds (0.1-3,000 M), and on quick an embedding animator of 4 M
/// multiply-adds costs more than the LSTM of 24,000 M, its per-epoch t-SNE fits being most of it. So per kind:
/// seconds = overhead + a x multiply-adds + b x projected point-iterations (<see cref="ProjectionWork"/>).</item>
/// </list>
/// </summary>
public static class CostModel
{
    /// <summary>
    /// Above this estimate (millions of multiply-adds; about 4x the catalogue's largest experiment, D2 on full) a run
    /// stops before it starts unless forced: an epochs or size typo would otherwise run for days.
    /// </summary>
    public const double Bound = 5_000_000;

    private static readonly string[] RowKeys = ["train", "n", "train_points", "train_limit", "points_per_ring", "per_class"];

    /// <summary>
    /// Per kind: CPU seconds that do not grow with the spec's sizes (overhead), CPU seconds per million training
    /// multiply-adds (<see cref="Estimate"/>) and per million projected point-iterations (<see cref="ProjectionWork"/>:
    /// an embedding animator's cost is its per-epoch t-SNE fits, not its few multiply-adds). Fit per kind by
    /// non-negative least squares on relative error (bench/cost-fit.py) to the CPU seconds `nnviz run --shard 1/1`
    /// printed per unit with one core per process, real data, ci (2 seeds), quick (1 seed) and full (3 seeds): in
    /// sample the predicted/measured ratios are in bench/RESULTS.md ("Cost model, sharding and the kernels ... (session 5, lead)").
    /// A kind not listed (a user's own) gets <see cref="Default"/>.
    /// </summary>
    private static readonly Dictionary<string, (double Overhead, double PerMillion, double PerProjected)> Calibration = new(StringComparer.Ordinal)
    {
        ["curve-fit"] = (0.1988, 0.02336, 0),
        ["decision-boundary"] = (0.3752, 0.03932, 0),
        ["embedding-animator"] = (1.13, 0, 7.413),
        ["hidden-plane"] = (0.4228, 0.01865, 0),
        ["image-projections"] = (0.5375, 0.06551, 0),
        ["imdb-lstm"] = (2.045, 0.000154, 4713),
        ["neuron-weights"] = (0.7238, 0.00637, 0),
        ["occlusion"] = (0.2691, 0.1052, 0),
    };

    /// <summary>For a kind without calibration: a second of overhead, the LSTM's (the lowest) slope, the animators' projection slope.</summary>
    private static readonly (double Overhead, double PerMillion, double PerProjected) Default = (1, 1.54e-4, 7.413);

    /// <summary>Predicted CPU seconds of one unit of <paramref name="spec"/> (see the class remarks).</summary>
    public static double Seconds(ExperimentSpec spec)
    {
        var (overhead, perMillion, perProjected) = Calibration.GetValueOrDefault(spec.Kind, Default);
        return Math.Round(overhead + perMillion * Estimate(spec) + perProjected * ProjectionWork(spec), 3);
    }

    /// <summary>
    /// Millions of projected point-iterations: recorded epochs x projected points (data.val_n, options.space_points or
    /// ten classes x data.per_class) x options.iterations (1 for a projection without iterations).
    /// </summary>
    public static double ProjectionWork(ExperimentSpec spec)
    {
        double points = Number(spec.Data, "val_n") ?? Number(spec.Options, "space_points")
            ?? (Number(spec.Data, "per_class") is { } perClass ? 10 * perClass : 0);
        double iterations = Number(spec.Options, "iterations") ?? 1;
        return Math.Round(spec.Epochs * points * iterations / 1e6, 3);
    }

    public static double Estimate(ExperimentSpec spec)
    {
        double rows = 1;
        foreach (var key in RowKeys)
            if (Number(spec.Data, key) is { } d)
                rows = Math.Max(rows, key switch { "points_per_ring" => 2 * d, "per_class" => 10 * d, _ => d });
        double steps = Number(spec.Data, "max_length") ?? 1;
        double weights = spec.Members.Sum(m =>
        {
            double total = 0, width = 8;
            foreach (var l in m.Layers.Where(l => l.Units > 0))
            {
                total += l.Kind.Contains("lstm", StringComparison.OrdinalIgnoreCase) ? 4 * l.Units * (width + l.Units) * steps : l.Units * width;
                width = l.Units;
            }
            return total;
        });
        return Math.Round(spec.Epochs * rows * Math.Max(1, weights) / 1e6, 3);
    }

    private static double? Number(Section s, string key) => s.Raw(key) switch
    {
        long l => l,
        int i => i,
        double d => d,
        _ => null,
    };
}
