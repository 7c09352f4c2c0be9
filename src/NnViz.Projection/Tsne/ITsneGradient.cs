namespace NnViz.Projection.Tsne;

/// <summary>
/// The t-SNE gradient in bhtsne/openTSNE units (van der Maaten 2014, eq. 4 without its constant factor 4, which
/// the learning rate n/12 of Belkina et al. 2019 assumes): grad_i = exaggeration * F_attr,i - F_rep,i / Z.
/// </summary>
internal interface ITsneGradient
{
    /// <summary>Writes the gradient at <paramref name="y"/> into <paramref name="grad"/>; returns Z = sum over i != j of 1/(1 + |y_i - y_j|^2).</summary>
    double Compute(double[] y, double exaggeration, double[] grad);

    /// <summary>KL(P || Q) at <paramref name="y"/> (Q exact or estimated as the gradient is).</summary>
    double KlDivergence(double[] y);
}
