namespace NnViz.Projection.Tsne;

public enum TsneMethod { Auto, Exact, BarnesHut }

public enum TsneInit { Pca, Random }

/// <summary>
/// t-SNE settings; defaults follow openTSNE (Poličar et al. 2019): perplexity 30, early exaggeration 12 for 250
/// iterations with momentum 0.5, then 500 more with momentum 0.8, learning rate max(n/12, 200) (Belkina et al. 2019),
/// PCA initialisation scaled to standard deviation 1e-4 (Kobak &amp; Linderman 2021).
/// <see cref="Method"/> Auto picks exact for n &lt;= <see cref="ExactMaxN"/>, Barnes-Hut (theta) above.
/// <see cref="InitialLayout"/> (n x Components), when given, replaces the initialisation (used by chained sequences).
/// </summary>
public sealed record TsneOptions
{
    public int Components { get; init; } = 2;
    public double Perplexity { get; init; } = 30;
    public double EarlyExaggeration { get; init; } = 12;
    public int EarlyIterations { get; init; } = 250;
    public int Iterations { get; init; } = 750;
    public double? LearningRate { get; init; }
    public double Theta { get; init; } = 0.5;
    public TsneMethod Method { get; init; } = TsneMethod.Auto;
    public int ExactMaxN { get; init; } = 800;
    public TsneInit Init { get; init; } = TsneInit.Pca;
    public double[]? InitialLayout { get; init; }
    public double InitialMomentum { get; init; } = 0.5;
    public double FinalMomentum { get; init; } = 0.8;
}

/// <summary>The layout (N x Components, row-major) and diagnostics of one t-SNE run.</summary>
public sealed record TsneResult(double[] Coordinates, int N, int Components, double KlDivergence, int Iterations, TsneMethod Method, double LearningRate);
