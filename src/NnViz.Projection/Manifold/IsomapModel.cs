using NnViz.Projection.Linear;

namespace NnViz.Projection.Manifold;

/// <summary>
/// A fitted Isomap that places new points into the existing layout without moving it (the explorer places a typed
/// sentence this way). Geodesic distances from the new point go through its k nearest fitted points, then the
/// landmark-MDS formula y_c = -1/2 (v_c / sqrt(lambda_c)) . (delta^2 - mu) (de Silva &amp; Tenenbaum 2004, eq. 3),
/// mu_j the mean squared geodesic distance to point j. A fitted point placed again lands on its own coordinates.
/// </summary>
public sealed class IsomapModel
{
    private readonly double[] _x, _geodesic, _mu, _axes;
    private readonly int _n, _d, _k, _neighbors;

    internal IsomapModel(double[] x, int n, int d, int components, int neighbors, double[] geodesic, double[] mu, double[] axes)
    {
        _x = x; _n = n; _d = d; _k = components; _neighbors = neighbors; _geodesic = geodesic; _mu = mu; _axes = axes;
    }

    public int Components => _k;

    /// <summary>Coordinates (m x Components) for m new points (m x D).</summary>
    public double[] Place(double[] points, int m)
    {
        DataMatrix.Check(points, m, _d, nameof(points));
        var y = new double[m * _k];
        for (int r = 0; r < m; r++)
            PlaceOne(new ReadOnlySpan<double>(points, r * _d, _d), y.AsSpan(r * _k, _k));
        return y;
    }

    private void PlaceOne(ReadOnlySpan<double> point, Span<double> output)
    {
        int kk = Math.Min(_neighbors, _n);
        var bd = new double[kk]; var bi = new int[kk];
        var top = new Neighbors.TopK(bd, bi, kk);
        for (int j = 0; j < _n; j++) top.Offer(Distances.SquaredEuclidean(point, new ReadOnlySpan<double>(_x, j * _d, _d)), j);
        var delta2 = new double[_n];
        for (int j = 0; j < _n; j++)
        {
            double best = double.PositiveInfinity;
            for (int t = 0; t < kk; t++) best = Math.Min(best, Math.Sqrt(bd[t]) + _geodesic[(long)bi[t] * _n + j]);
            delta2[j] = best * best - _mu[j];
        }
        for (int c = 0; c < _k; c++)
            output[c] = -0.5 * Distances.Dot(new ReadOnlySpan<double>(_axes, c * _n, _n), delta2);
    }
}
