using NnViz.Lab.Specs;

namespace NnViz.Lab.Runs;

/// <summary>
/// Deterministic costs of one unit (an experiment at one seed), two numbers:
/// <list type="bullet">
/// <item><see cref="Estimate"/>: millions of multiply-adds of training, epochs x training rows x the model's weights
/// (dense units times their inputs; a recurrent layer counts 4 gates per time step). The run bound
/// (<see cref="Bound"/>) is on this number, and `nnviz run --dry-run` prints it.</item>
/// <item><see cref="Seconds"/>: predicted CPU seconds of the whole unit (data, training, recording, projection,
/// rendering, page), which the planner balances shards on. Training multiply-adds alone are far off: on ci most units
/// cost 0.5-5 s of CPU whatever their multiply-adds (0.1-3,000 M), and on quick an embedding animator of 4 M
/// multiply-adds costs more than the LSTM of 24,000 M. So per kind: seconds = overhead + slope x multiply-adds.</item>
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
    /// Per kind: CPU seconds that do not grow with training (overhead) and CPU seconds per million multiply-adds
    /// (slope, which also carries the projection and rendering that grow with the same epochs and rows). Fit by least
    /// squares (non-negative) to the CPU seconds `nnviz run --shard 1/1` printed per unit on the ci profile (2 seeds)
    /// and the quick profile (1 seed), real data, on the 2-core development machine under load (CPU time, not wall),
    /// 39 units: predicted within 0.33-3.6x of measured, median 1.0 (in sample). On full it is an extrapolation:
    /// against the first full run's times D2 (466 s predicted, 490 measured) and rings (76, 82) are close, the
    /// MNIST kinds are overestimated (mnist-weights 592 vs 70) and the animators underestimated (sentiment 19 vs 67).
    /// A kind not listed (a user's own) gets <see cref="Default"/>.
    /// </summary>
    private static readonly Dictionary<string, (double Overhead, double PerMillion)> Calibration = new(StringComparer.Ordinal)
    {
        ["curve-fit"] = (0.423, 0.1635),
        ["decision-boundary"] = (0.599, 0.2393),
        ["embedding-animator"] = (2.4, 0.7053),
        ["hidden-plane"] = (0.577, 0.1749),
        ["image-projections"] = (0.728, 0.2443),
        ["imdb-lstm"] = (2.48, 0.0003771),
        ["neuron-weights"] = (1.19, 0.08549),
        ["occlusion"] = (0.442, 0.1794),
    };

    /// <summary>For a kind without calibration: a second of overhead and the LSTM's (the lowest) slope.</summary>
    private static readonly (double Overhead, double PerMillion) Default = (1, 3.771e-4);

    /// <summary>Predicted CPU seconds of one unit of <paramref name="spec"/> (see the class remarks).</summary>
    public static double Seconds(ExperimentSpec spec)
    {
        var (overhead, perMillion) = Calibration.GetValueOrDefault(spec.Kind, Default);
        return Math.Round(overhead + perMillion * Estimate(spec), 3);
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
