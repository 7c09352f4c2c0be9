namespace NnViz.Lab.Explain;

/// <summary>
/// How linearly separable a layer's space is: a logistic regression fitted on one set of features and scored on
/// another (Alain &amp; Bengio 2016, "linear classifier probes"). Features are standardised with the training set's
/// mean and sd; full-batch gradient descent with a small L2 term, in double and in a fixed order (bit-stable).
/// </summary>
public static class LinearProbe
{
    public sealed record Fit(double[] Weights, double Bias, double[] Mean, double[] Scale);

    public static Fit Train(float[] x, int n, int d, int[] labels, int iterations = 300, double learningRate = 0.5, double l2 = 1e-3)
    {
        var mean = new double[d];
        var scale = new double[d];
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) mean[j] += x[i * d + j];
        for (int j = 0; j < d; j++) mean[j] /= Math.Max(1, n);
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) { double v = x[i * d + j] - mean[j]; scale[j] += v * v; }
        for (int j = 0; j < d; j++) { double sd = Math.Sqrt(scale[j] / Math.Max(1, n)); scale[j] = sd > 1e-9 ? 1 / sd : 0; }
        var z = new double[n * d];
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) z[i * d + j] = (x[i * d + j] - mean[j]) * scale[j];
        var w = new double[d];
        double b = 0;
        var grad = new double[d];
        for (int it = 0; it < iterations; it++)
        {
            Array.Clear(grad);
            double gb = 0;
            for (int i = 0; i < n; i++)
            {
                double s = b;
                for (int j = 0; j < d; j++) s += w[j] * z[i * d + j];
                double err = 1 / (1 + Math.Exp(-s)) - labels[i];
                gb += err;
                for (int j = 0; j < d; j++) grad[j] += err * z[i * d + j];
            }
            for (int j = 0; j < d; j++) w[j] -= learningRate * (grad[j] / n + l2 * w[j]);
            b -= learningRate * gb / n;
        }
        return new Fit(w, b, mean, scale);
    }

    public static double Accuracy(Fit fit, float[] x, int n, int d, int[] labels)
    {
        int right = 0;
        for (int i = 0; i < n; i++)
        {
            double s = fit.Bias;
            for (int j = 0; j < d; j++) s += fit.Weights[j] * (x[i * d + j] - fit.Mean[j]) * fit.Scale[j];
            right += (s >= 0 ? 1 : 0) == labels[i] ? 1 : 0;
        }
        return n == 0 ? 0 : (double)right / n;
    }
}
