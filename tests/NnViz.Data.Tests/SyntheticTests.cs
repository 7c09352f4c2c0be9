using NnViz.Engine;

namespace NnViz.Data.Tests;

public class SyntheticTests
{
    [Fact]
    public void Polynomial_targets_are_the_paper_polynomial_of_the_stored_x()
    {
        Dataset d = Synthetic.Polynomial(new Rng(1), 4000, Synthetic.PaperPolynomial);
        Assert.Equal((4000, 1, 1), (d.Rows, d.Cols, d.YCols));
        double mean = 0;
        for (int i = 0; i < d.Rows; i++)
        {
            double x = d.X[i];
            Assert.InRange(x, -2.0, 2.0);
            Assert.Equal((float)(x * x * x * x - 3 * x * x + x + 1), d.Y[i], 5e-6f);
            mean += x / d.Rows;
        }
        Assert.InRange(mean, -0.06, 0.06); // U[-2,2] has sd 1.15; sd of the mean over 4000 is 0.018
    }

    [Fact]
    public void Polynomial_curve_is_linspace_with_exact_ends()
    {
        Dataset c = Synthetic.PolynomialCurve(Synthetic.PaperPolynomial, -2, 2, 400);
        Assert.Equal(400, c.Rows);
        Assert.Equal(-2f, c.X[0]);
        Assert.Equal(2f, c.X[399]);
        Assert.Equal(3f, c.Y[0]);   // 16 - 12 - 2 + 1
        Assert.Equal(7f, c.Y[399]); // 16 - 12 + 2 + 1
        Assert.Equal((float)(-2 + 4.0 / 399), c.X[1]);
    }

    [Fact]
    public void Same_seed_gives_the_same_bits_and_another_seed_differs()
    {
        foreach (Func<Rng, Dataset> make in new Func<Rng, Dataset>[]
                 {
                     r => Synthetic.Polynomial(r, 100, Synthetic.PaperPolynomial),
                     r => Synthetic.Rings(r, 50),
                     r => Synthetic.Moons(r, 100, 0.2),
                     r => Synthetic.Blobs(r, 100),
                 })
        {
            Dataset a = make(new Rng(7)), b = make(new Rng(7)), c = make(new Rng(8));
            Assert.Equal(a.X, b.X);
            Assert.Equal(a.Y, b.Y);
            Assert.NotEqual(a.X, c.X);
            var shared = new Rng(7);
            Assert.NotEqual(make(shared).X, make(shared).X); // the caller's stream advances: two calls, two sets
        }
    }

    [Fact]
    public void Rings_lie_on_their_radii_with_the_requested_noise_and_are_shuffled()
    {
        Dataset d = Synthetic.Rings(new Rng(3), 2000, noise: 0.005);
        Assert.Equal((4000, 2, 1), (d.Rows, d.Cols, d.YCols));
        Assert.Equal(2000, d.Labels!.Count(l => l == 1));
        double sq = 0;
        for (int i = 0; i < d.Rows; i++)
        {
            double r = Math.Sqrt(d.X[2 * i] * d.X[2 * i] + d.X[2 * i + 1] * d.X[2 * i + 1]);
            double expected = d.Labels![i] == 1 ? 1.0 : 0.5;
            Assert.Equal(d.Labels![i], (int)d.Y[i]);
            Assert.InRange(r - expected, -0.03, 0.03); // 6 sd
            sq += (r - expected) * (r - expected);
        }
        Assert.InRange(Math.Sqrt(sq / d.Rows), 0.0045, 0.0055); // radial error sd ≈ noise sd
        Assert.InRange(d.Labels!.Take(100).Count(l => l == 1), 30, 70);
    }

    [Fact]
    public void Moons_without_noise_follow_make_moons_geometry_and_split()
    {
        Dataset d = Synthetic.Moons(new Rng(1), 7, noise: 0, shuffle: false);
        Assert.Equal(new[] { 0, 0, 0, 1, 1, 1, 1 }, d.Labels); // n_out = 7 // 2 = 3, n_in = 4
        // scikit-learn 1.2.1 (/usr/bin/python3): make_moons(7, shuffle=False)[0].astype(np.float32).ravel()
        float[] sklearn = [1f, 0f, 6.123234262925839e-17f, 1f, -1f, 1.2246468525851679e-16f, 0f, 0.5f,
                           0.5f, -0.3660254180431366f, 1.5f, -0.3660254180431366f, 2f, 0.5f];
        for (int i = 0; i < sklearn.Length; i++) Assert.Equal(sklearn[i], d.X[i], 1e-7f);
        Assert.Equal(new[] { 1f, 0f }, d.X[0..2]);               // t = 0 on the outer moon
        Assert.Equal(-1f, d.X[4]);                               // t = π
        Assert.Equal(new[] { 0f, 0.5f }, d.X[6..8]);             // inner moon starts at (1 - 1, 1 - 0 - 0.5)
        Assert.Equal(2f, d.X[12]);                               // and ends at x = 1 - cos π
        Assert.Equal(0.5f, d.X[8], 1e-6f);                       // t = π/3: 1 - cos(π/3)
        Assert.Equal((float)(0.5 - Math.Sin(Math.PI / 3)), d.X[9], 1e-6f);
        for (int i = 0; i < d.Rows; i++)
        {
            double x = d.X[2 * i], y = d.X[2 * i + 1];
            double r = d.Labels![i] == 0 ? Math.Sqrt(x * x + y * y) : Math.Sqrt((x - 1) * (x - 1) + (y - 0.5) * (y - 0.5));
            Assert.Equal(1.0, r, 1e-6);
        }
    }

    [Fact]
    public void Moons_noise_is_added_after_the_shuffle_with_the_requested_sd()
    {
        Dataset clean = Synthetic.Moons(new Rng(5), 1000, noise: 0);
        Dataset noisy = Synthetic.Moons(new Rng(5), 1000, noise: 0.2);
        Assert.Equal(clean.Labels, noisy.Labels); // same permutation: noise does not move rows
        Assert.Equal(500, clean.Labels!.Count(l => l == 1));
        double sq = 0, mx = 0, my = 0;
        for (int i = 0; i < clean.X.Length; i++) sq += Math.Pow(noisy.X[i] - clean.X[i], 2);
        for (int i = 0; i < clean.Rows; i++) { mx += clean.X[2 * i] / clean.Rows; my += clean.X[2 * i + 1] / clean.Rows; }
        Assert.InRange(Math.Sqrt(sq / clean.X.Length), 0.19, 0.21);
        Assert.Equal(0.5, mx, 1e-6);             // the moons are symmetric about x = 0.5
        Assert.InRange(my, 0.24, 0.26);          // (2/π + 0.5 - 2/π) / 2 = 0.25 up to linspace sampling
        Assert.InRange(clean.Labels!.Take(100).Count(l => l == 1), 30, 70);
    }

    [Fact]
    public void Blobs_split_points_like_make_blobs_and_centre_on_the_given_points()
    {
        Dataset small = Synthetic.Blobs(new Rng(2), 10, [0, 0, 5, 5, -5, 5], 2, 0.1);
        Assert.Equal(new[] { 4, 3, 3 }, Enumerable.Range(0, 3).Select(k => small.Labels!.Count(l => l == k)));
        Assert.Equal(3, small.YCols);
        for (int i = 0; i < small.Rows; i++) Assert.Equal(1f, small.Y[i * 3 + small.Labels![i]]);

        double[] centers = [1, -2, 3, 4];
        Dataset d = Synthetic.Blobs(new Rng(2), 2000, centers, 2, 0.5);
        for (int k = 0; k < 2; k++)
            for (int f = 0; f < 2; f++)
            {
                double mean = Enumerable.Range(0, d.Rows).Where(i => d.Labels![i] == k).Average(i => d.X[i * 2 + f]);
                Assert.Equal(centers[k * 2 + f], mean, 0.05);
            }
    }

    [Fact]
    public void Slices_keep_rows_and_labels_together()
    {
        Dataset d = Synthetic.Blobs(new Rng(1), 10, [0, 0, 9, 9], 2, 0.1);
        Dataset s = d.Slice(3, 4);
        Assert.Equal((4, 2, 2), (s.Rows, s.Cols, s.YCols));
        Assert.Equal(d.X[6..14], s.X);
        Assert.Equal(d.Labels![3..7], s.Labels);
        Assert.Equal(d.Y[6..14], s.Y);
        Assert.Same(s, s.Validated());
        Assert.Throws<ArgumentOutOfRangeException>(() => d.Slice(8, 3));
        TextCorpus c = GeneratedText.Toxic(new Rng(1), 10).Slice(2, 3);
        Assert.Equal(3, c.Count);
        Assert.Equal(18, c.Labels.Length);
        Assert.Equal("toxic/2", c.Ids[0]);
    }
}
