using NnViz.Engine;
using NnViz.Projection.Linear;
using NnViz.Projection.Neighbors;

namespace NnViz.Projection.Manifold;

/// <summary>Isomap settings: <see cref="Neighbors"/> = k of the neighbourhood graph (scikit-learn's default 5).</summary>
public sealed record IsomapOptions(int Components = 2, int Neighbors = 5);

/// <summary>
/// The layout (N x Components), the eigenvalues of the double-centred squared geodesic matrix, the number of graph
/// pieces that had to be joined (1 = connected), and the fitted <see cref="Model"/> that places new points.
/// </summary>
public sealed record IsomapResult(double[] Coordinates, int N, int Components, double[] Eigenvalues, int GraphComponents, IsomapModel Model);

/// <summary>
/// Isomap (Tenenbaum, de Silva &amp; Langford 2000): kNN graph, geodesic distances by shortest paths, then classical
/// MDS: the top eigenvectors of B = -1/2 H D^2 H (Torgerson 1952), coordinates sqrt(lambda_c) v_c. Eigenvectors come
/// from subspace iteration, with the sign fixed so each axis's largest entry is positive.
/// </summary>
public static class Isomap
{
    public static IsomapResult Fit(float[] x, int n, int d, IsomapOptions? options, Rng rng) =>
        Fit(DataMatrix.ToDouble(x), n, d, options, rng);

    public static IsomapResult Fit(double[] x, int n, int d, IsomapOptions? options, Rng rng)
    {
        DataMatrix.Check(x, n, d, nameof(x));
        var o = options ?? new IsomapOptions();
        if (o.Neighbors < 1 || o.Neighbors >= n) throw new ArgumentException($"neighbors: expected 1 <= k < n = {n}, received {o.Neighbors}");
        if (o.Components < 1 || o.Components >= n) throw new ArgumentException($"components: expected 1 <= components < n, received {o.Components}");
        var knn = NearestNeighbors.Search(x, n, d, o.Neighbors, rng.Fork("isomap/knn"));
        var graph = NeighborhoodGraph.Build(x, n, d, knn, out int pieces);
        var geo = ShortestPaths.AllPairs(graph);

        var b = DoubleCentre(geo, n, out var colMean);

        var eig = SubspaceIteration.Largest(n, o.Components, (v, w, p) => MultiplyDense(b, n, v, w, p), rng.Fork("isomap/eigen"));
        int k = o.Components;
        var coords = new double[n * k];
        var axes = new double[k * n];
        for (int c = 0; c < k; c++)
        {
            var vec = eig.Vectors.AsSpan(c * n, n);
            Pca.FixSign(vec);
            double s = Math.Sqrt(Math.Max(eig.Values[c], 0));
            for (int i = 0; i < n; i++) { coords[i * k + c] = s * vec[i]; axes[c * n + i] = s > 0 ? vec[i] / s : 0; }
        }
        var model = new IsomapModel((double[])x.Clone(), n, d, k, o.Neighbors, geo, colMean, axes);
        return new IsomapResult(coords, n, k, eig.Values, pieces, model);
    }

    /// <summary>Double centring of squared distances: B_ij = -1/2 (D2_ij - mu_i - mu_j + mu), mu_i the row means of D2
    /// (each summed in column order; rows in parallel in fixed chunks, so the bits do not depend on threads).</summary>
    internal static double[] DoubleCentre(double[] geo, int n, out double[] rowMean)
    {
        var mean = new double[n];
        var b = new double[(long)n * n];
        Parallelism.ForChunks(n, 64, (start, end) =>
        {
            for (int i = start; i < end; i++)
            {
                double s = 0;
                for (int j = i * n, last = j + n; j < last; j++) { double g = geo[j]; double g2 = g * g; b[j] = g2; s += g2; }
                mean[i] = s / n;
            }
        });
        double grand = 0;
        for (int i = 0; i < n; i++) grand += mean[i];
        grand /= n;
        Parallelism.ForChunks(n, 64, (start, end) =>
        {
            for (int i = start; i < end; i++)
            {
                double mi = mean[i];
                var row = b.AsSpan(i * n, n);
                for (int j = 0; j < row.Length; j++) row[j] = -0.5 * (row[j] - mi - mean[j] + grand);
            }
        });
        rowMean = mean;
        return b;
    }

    /// <summary>W = B V for a block of vectors given as rows (p x n); parallel over rows of B in fixed chunks. Each
    /// entry is <see cref="Distances.Dot"/> of a row of B and a vector, in its lane order (see <see cref="DenseProduct"/>).</summary>
    internal static void MultiplyDense(double[] b, int n, double[] v, double[] w, int p) =>
        Parallelism.ForChunks(n, 64, (start, end) => DenseProduct.Rows(b, n, v, w, p, start, end));
}
