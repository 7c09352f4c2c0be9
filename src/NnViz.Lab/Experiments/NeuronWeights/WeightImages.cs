namespace NnViz.Lab.Experiments.NeuronWeights;

/// <summary>Weight matrices turned into images, and how rough those images are.</summary>
public static class WeightImages
{
    /// <summary>The first <paramref name="count"/> neurons' input weights, neuron-major: image h = column h of the [inputs, hidden] kernel.</summary>
    public static float[] NeuronImages(float[] kernel, int inputs, int hidden, int count)
    {
        var r = new float[count * inputs];
        for (int h = 0; h < count; h++)
            for (int i = 0; i < inputs; i++) r[h * inputs + i] = kernel[i * hidden + h];
        return r;
    }

    /// <summary>
    /// Each class's output weights projected back to pixels, T = W1 W2 ([inputs, hidden] x [hidden, classes]), class-major:
    /// the linear part of what raises that class's logit (ignoring the hidden nonlinearity). Accumulated in double, in order.
    /// </summary>
    public static float[] ClassTemplates(float[] w1, float[] w2, int inputs, int hidden, int classes)
    {
        var r = new float[classes * inputs];
        for (int c = 0; c < classes; c++)
            for (int i = 0; i < inputs; i++)
            {
                double s = 0;
                for (int h = 0; h < hidden; h++) s += (double)w1[i * hidden + h] * w2[h * classes + c];
                r[c * inputs + i] = (float)s;
            }
        return r;
    }

    /// <summary>
    /// Mean over images of sum (neighbour differences)^2 / (2 sum (w - mean)^2), over horizontal and vertical neighbours:
    /// about 1 for white noise (E (a - b)^2 = 2 var), near 0 for smooth strokes; higher means muddier / noisier images.
    /// </summary>
    public static double Roughness(float[] images, int count, int height, int width)
    {
        double total = 0;
        int n = height * width;
        for (int k = 0; k < count; k++)
        {
            var img = images.AsSpan(k * n, n);
            double mean = 0;
            foreach (float v in img) mean += v;
            mean /= n;
            double var = 0, diff = 0;
            int pairs = 0;
            for (int y = 0; y < height; y++)
                for (int x = 0; x < width; x++)
                {
                    double v = img[y * width + x];
                    var += (v - mean) * (v - mean);
                    if (x + 1 < width) { double d = img[y * width + x + 1] - v; diff += d * d; pairs++; }
                    if (y + 1 < height) { double d = img[(y + 1) * width + x] - v; diff += d * d; pairs++; }
                }
            total += var > 0 ? diff / pairs / (2 * var / n) : 0;
        }
        return total / count;
    }
}
