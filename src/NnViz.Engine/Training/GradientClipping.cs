using NnViz.Engine.Nn;

namespace NnViz.Engine.Training;

/// <summary>Gradient clipping (Pascanu et al. 2013). The norm is summed in double in parameter order.</summary>
public static class GradientClipping
{
    public static double GlobalNorm(IReadOnlyList<Parameter> ps)
    {
        double s = 0;
        for (int i = 0; i < ps.Count; i++)
        {
            if (!ps[i].Trainable) continue;
            foreach (float g in ps[i].Grad) s += (double)g * g;
        }
        return Math.Sqrt(s);
    }

    /// <summary>Scales all gradients by clip / norm when the global norm exceeds clip (torch.nn.utils.clip_grad_norm_). Returns the norm before clipping.</summary>
    public static double ClipByGlobalNorm(IReadOnlyList<Parameter> ps, double clip)
    {
        double norm = GlobalNorm(ps);
        if (norm <= clip) return norm;
        float scale = (float)(clip / (norm + 1e-6));
        for (int i = 0; i < ps.Count; i++)
        {
            var g = ps[i].Grad;
            for (int j = 0; j < g.Length; j++) g[j] *= scale;
        }
        return norm;
    }

    public static void ClipByValue(IReadOnlyList<Parameter> ps, double limit)
    {
        float c = (float)limit;
        for (int i = 0; i < ps.Count; i++)
        {
            var g = ps[i].Grad;
            for (int j = 0; j < g.Length; j++) g[j] = Math.Clamp(g[j], -c, c);
        }
    }
}
