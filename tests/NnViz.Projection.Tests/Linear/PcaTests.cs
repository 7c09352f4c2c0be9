using NnViz.Engine;
using NnViz.Projection.Linear;

namespace NnViz.Projection.Tests.Linear;

public class PcaTests
{
    [Fact]
    public void EigenDecompositionReconstructsTheMatrixWithOrthonormalVectors()
    {
        var rng = new Rng(1);
        int k = 7;
        var b = Synthetic.Gaussian(rng, k, k);
        var a = new double[k * k];
        for (int i = 0; i < k; i++)
            for (int j = 0; j < k; j++)
                for (int t = 0; t < k; t++) a[i * k + j] += b[t * k + i] * b[t * k + j];
        var eig = SymmetricEigen.Decompose(a, k);
        for (int c = 1; c < k; c++) Assert.True(eig.Values[c - 1] >= eig.Values[c]);
        for (int i = 0; i < k; i++)
            for (int j = 0; j < k; j++)
            {
                double rec = 0, dot = 0;
                for (int c = 0; c < k; c++)
                {
                    rec += eig.Vectors[c * k + i] * eig.Values[c] * eig.Vectors[c * k + j];
                    dot += eig.Vectors[i * k + c] * eig.Vectors[j * k + c];
                }
                Assert.Equal(a[i * k + j], rec, 9);
                Assert.Equal(i == j ? 1.0 : 0.0, dot, 12);
            }
    }

    [Fact]
    public void TwoByTwoEigenvaluesMatchTheClosedForm()
    {
        // [[2, 1], [1, 2]] has eigenvalues 3 and 1 with vectors (1, 1)/sqrt 2 and (1, -1)/sqrt 2.
        var eig = SymmetricEigen.Decompose([2, 1, 1, 2], 2);
        Assert.Equal(3, eig.Values[0], 12);
        Assert.Equal(1, eig.Values[1], 12);
        Assert.Equal(1 / Math.Sqrt(2), Math.Abs(eig.Vectors[0]), 12);
        Assert.Equal(eig.Vectors[0], eig.Vectors[1], 12);
    }

    [Theory]
    [InlineData(200, 6)]  // covariance path
    [InlineData(8, 20)]   // Gram (dual) path: fewer rows than columns
    public void AxesAreEigenvectorsOfTheSampleCovariance(int n, int d)
    {
        var rng = new Rng(2);
        var x = Synthetic.Gaussian(rng, n, d);
        for (int i = 0; i < n; i++) { x[i * d] *= 5; x[i * d + 1] = 0.5 * x[i * d] + 2 * x[i * d + 1]; }
        var pca = Pca.Fit(x, n, d, new PcaOptions(3));

        var mean = new double[d];
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) mean[j] += x[i * d + j] / n;
        var cov = new double[d * d];
        for (int i = 0; i < n; i++)
            for (int a = 0; a < d; a++)
                for (int b = 0; b < d; b++) cov[a * d + b] += (x[i * d + a] - mean[a]) * (x[i * d + b] - mean[b]) / (n - 1);
        double trace = 0;
        for (int a = 0; a < d; a++) trace += cov[a * d + a];
        for (int c = 0; c < 3; c++)
        {
            for (int a = 0; a < d; a++)
            {
                double cv = 0;
                for (int b = 0; b < d; b++) cv += cov[a * d + b] * pca.Loadings[c * d + b];
                Assert.Equal(pca.ExplainedVariance[c] * pca.Loadings[c * d + a], cv, 8);
            }
            Assert.Equal(pca.ExplainedVariance[c] / trace, pca.ExplainedVarianceRatio[c], 10);
            // Variance of the coordinates along axis c equals its eigenvalue.
            double v = 0;
            for (int i = 0; i < n; i++) v += pca.Coordinates[i * 3 + c] * pca.Coordinates[i * 3 + c] / (n - 1);
            Assert.Equal(pca.ExplainedVariance[c], v, 8);
        }
        Assert.True(pca.ExplainedVariance[0] > pca.ExplainedVariance[1]);
    }

    [Fact]
    public void SignConventionMakesTheLargestLoadingPositiveWhateverTheDataSign()
    {
        var rng = new Rng(3);
        int n = 100, d = 4;
        var x = Synthetic.Gaussian(rng, n, d);
        for (int i = 0; i < n; i++) x[i * d + 2] *= 4;
        var negated = x.Select(v => -v).ToArray();
        var a = Pca.Fit(x, n, d);
        var b = Pca.Fit(negated, n, d);
        for (int c = 0; c < 2; c++)
        {
            var row = a.Loadings.AsSpan(c * d, d).ToArray();
            Assert.True(row.MaxBy(Math.Abs) > 0);
        }
        // Negating the data negates every coordinate but not the axes.
        for (int i = 0; i < a.Coordinates.Length; i++) Assert.Equal(-a.Coordinates[i], b.Coordinates[i], 9);
        Assert.Equal(a.Transform(x, n), a.Coordinates);
    }
}
