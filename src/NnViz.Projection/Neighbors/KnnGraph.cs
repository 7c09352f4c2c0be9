namespace NnViz.Projection.Neighbors;

/// <summary>
/// The k nearest neighbours of each of N points (self excluded), nearest first, ties broken by the smaller index.
/// <see cref="Indices"/> and <see cref="Distances"/> (Euclidean, not squared) are row-major N x K.
/// </summary>
public sealed record KnnGraph(int N, int K, int[] Indices, double[] Distances);
