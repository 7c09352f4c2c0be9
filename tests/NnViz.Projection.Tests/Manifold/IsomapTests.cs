using NnViz.Engine;
using NnViz.Projection.Manifold;

namespace NnViz.Projection.Tests.Manifold;

public class IsomapTests
{
    private static double BestAbsCorrelation(double[] coords, int k, double[] truth) =>
        Enumerable.Range(0, k).Max(c => Math.Abs(Synthetic.Pearson(Synthetic.Column(coords, k, c), truth)));

    [Fact]
    public void SwissRollUnrollsIntoItsTrueCoordinates()
    {
        var (x, t, h) = Synthetic.SwissRoll(new Rng(20), 1000);
        var r = Isomap.Fit(x, 1000, 3, new IsomapOptions(2, 10), new Rng(1));
        Assert.Equal(1, r.GraphComponents);
        Assert.True(BestAbsCorrelation(r.Coordinates, 2, t) > 0.95, $"|r| with the roll angle: {BestAbsCorrelation(r.Coordinates, 2, t)}");
        Assert.True(BestAbsCorrelation(r.Coordinates, 2, h) > 0.95, $"|r| with the height: {BestAbsCorrelation(r.Coordinates, 2, h)}");
    }

    [Fact]
    public void ClassicalMdsRecoversAFlatConfigurationExactly()
    {
        // Points on a 2-D grid with every point a neighbour of every other: geodesic = Euclidean, so classical
        // MDS returns the grid up to rotation; the eigenvalues are the centred coordinates' sums of squares.
        var x = new List<double>();
        for (int i = 0; i < 5; i++) for (int j = 0; j < 4; j++) { x.Add(2.0 * i); x.Add(j); }
        var arr = x.ToArray();
        var r = Isomap.Fit(arr, 20, 2, new IsomapOptions(2, 19), new Rng(2));
        Assert.Equal(20 * 8.0, r.Eigenvalues[0], 6);  // x: 2 * {0..4}, variance 8 per point
        Assert.Equal(20 * 1.25, r.Eigenvalues[1], 6); // y: {0..3}, variance 1.25 per point
        var pairs = from a in Enumerable.Range(0, 20) from b in Enumerable.Range(0, 20) select (a, b);
        foreach (var (a, b) in pairs)
        {
            double din = Math.Sqrt(Math.Pow(arr[2 * a] - arr[2 * b], 2) + Math.Pow(arr[2 * a + 1] - arr[2 * b + 1], 2));
            double dout = Math.Sqrt(Math.Pow(r.Coordinates[2 * a] - r.Coordinates[2 * b], 2) + Math.Pow(r.Coordinates[2 * a + 1] - r.Coordinates[2 * b + 1], 2));
            Assert.Equal(din, dout, 6);
        }
    }

    [Fact]
    public void PlacingNewPointsLandsFittedPointsOnThemselvesAndHeldOutPointsAlongTheRoll()
    {
        var (x, _, _) = Synthetic.SwissRoll(new Rng(21), 700);
        int fit = 600, held = 100;
        var r = Isomap.Fit(x[..(fit * 3)], fit, 3, new IsomapOptions(2, 10), new Rng(3));
        var again = r.Model.Place(x[..(5 * 3)], 5);
        for (int i = 0; i < 10; i++) Assert.Equal(r.Coordinates[i], again[i], 8);

        var placed = r.Model.Place(x[(fit * 3)..], held);
        // A new point lands near the layout of its nearest fitted neighbour.
        var nearestCoords = new double[held * 2];
        double spread = Math.Sqrt(Enumerable.Range(0, fit).Average(i => r.Coordinates[2 * i] * r.Coordinates[2 * i]));
        for (int h = 0; h < held; h++)
        {
            int nearest = Enumerable.Range(0, fit).MinBy(j => Enumerable.Range(0, 3).Sum(c => Math.Pow(x[(fit + h) * 3 + c] - x[j * 3 + c], 2)));
            double gap = Math.Sqrt(Math.Pow(placed[2 * h] - r.Coordinates[2 * nearest], 2) + Math.Pow(placed[2 * h + 1] - r.Coordinates[2 * nearest + 1], 2));
            Assert.True(gap < 0.2 * spread, $"point {h}: gap {gap} vs spread {spread}");
            nearestCoords[2 * h] = r.Coordinates[2 * nearest]; nearestCoords[2 * h + 1] = r.Coordinates[2 * nearest + 1];
        }
        for (int c = 0; c < 2; c++)
            Assert.True(Synthetic.Pearson(Synthetic.Column(placed, 2, c), Synthetic.Column(nearestCoords, 2, c)) > 0.98);
    }
}
