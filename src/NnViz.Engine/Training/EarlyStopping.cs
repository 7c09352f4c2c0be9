using NnViz.Engine.Nn;

namespace NnViz.Engine.Training;

/// <summary>
/// Keras EarlyStopping: stop when the monitored validation metric has not improved by more than minDelta for
/// patience epochs; optionally keep a copy of the best weights and restore them.
/// </summary>
public sealed class EarlyStopping(int patience, double minDelta = 0, bool higherIsBetter = false, bool restoreBestWeights = false)
{
    private float[][]? _best;

    public double Best { get; private set; } = higherIsBetter ? double.NegativeInfinity : double.PositiveInfinity;
    /// <summary>0-based epoch of the best value (-1 before the first update).</summary>
    public int BestEpoch { get; private set; } = -1;
    public int Wait { get; private set; }
    public int Epochs { get; private set; }
    public bool Stopped { get; private set; }

    /// <summary>Records the metric after an epoch; returns true when training should stop (restoring the best weights if asked).</summary>
    public bool Update(double metric, IReadOnlyList<Parameter> parameters)
    {
        bool improved = higherIsBetter ? metric > Best + minDelta : metric < Best - minDelta;
        if (improved)
        {
            Best = metric; BestEpoch = Epochs; Wait = 0;
            if (restoreBestWeights)
            {
                _best ??= new float[parameters.Count][];
                for (int i = 0; i < parameters.Count; i++) _best[i] = (float[])parameters[i].Value.Clone();
            }
        }
        else Wait++;
        Epochs++;
        Stopped = Wait >= patience;
        if (Stopped && restoreBestWeights && _best is not null)
            for (int i = 0; i < parameters.Count; i++) _best[i].CopyTo(parameters[i].Value, 0);
        return Stopped;
    }
}
