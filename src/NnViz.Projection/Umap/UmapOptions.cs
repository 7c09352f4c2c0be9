namespace NnViz.Projection.Umap;

public enum UmapInit { Spectral, Random }

/// <summary>
/// UMAP settings with umap-learn's defaults: 15 neighbours (the point itself counted, as umap-learn does), min_dist 0.1,
/// spread 1, 5 negative samples per positive one, repulsion strength 1, learning rate 1, and 500 epochs up to 10,000
/// points, 200 above. <see cref="InitialLayout"/> (n x Components), when given, replaces the initialisation.
/// </summary>
public sealed record UmapOptions
{
    public int Components { get; init; } = 2;
    public int Neighbors { get; init; } = 15;
    public double MinDist { get; init; } = 0.1;
    public double Spread { get; init; } = 1.0;
    public int? Epochs { get; init; }
    public int NegativeSampleRate { get; init; } = 5;
    public double RepulsionStrength { get; init; } = 1.0;
    public double LearningRate { get; init; } = 1.0;
    public UmapInit Init { get; init; } = UmapInit.Spectral;
    public double[]? InitialLayout { get; init; }
}

/// <summary>The layout (N x Components) and diagnostics: the curve parameters a, b, the epochs run and the graph's edge count.</summary>
public sealed record UmapResult(double[] Coordinates, int N, int Components, double A, double B, int Epochs, int Edges);
