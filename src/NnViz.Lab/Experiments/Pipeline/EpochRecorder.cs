using NnViz.Engine;
using NnViz.Engine.Training;
using NnViz.Lab.Specs;

namespace NnViz.Lab.Experiments.Pipeline;

/// <summary>How a kind's training is recorded beyond its probes.</summary>
/// <param name="ProbeBeforeTraining">Probe the untrained model as epoch 0 (the default; the animator shows trained epochs only).</param>
/// <param name="StopOn">The scalar probe early stopping watches (with <see cref="TrainingSettings.EarlyStopping"/>); null: never stop early.</param>
public sealed record RecorderOptions(bool ProbeBeforeTraining = true, string? StopOn = null);

/// <summary>
/// The one training loop of NnVizRepro's experiments: probe the untrained model (epoch 0, loss NaN), then for each
/// epoch train once over the training set, run the kind's probes in order, report progress, and stop early when the
/// spec asks for it (the recorded epochs are kept: the pages show what happened). Every kind trains through here.
/// </summary>
public static class EpochRecorder
{
    public static TrainingLog Run(ITrainableModel model, TrainingSet data, TrainingSettings settings, Rng? shuffle,
        IReadOnlyList<Probe> probes, Action<double> progress, RecorderOptions? options = null)
    {
        options ??= new RecorderOptions();
        var loss = new List<double>();
        var numbers = probes.Where(p => p.Number is not null).ToDictionary(p => p.Name, _ => new List<double>(), StringComparer.Ordinal);
        var arrays = probes.Where(p => p.Values is not null && p.Keep).ToDictionary(p => p.Name, _ => new List<float[]>(), StringComparer.Ordinal);
        var stopping = options.StopOn is not null && settings.EarlyStopping is { } es
            ? new EarlyStopping(es.Patience, higherIsBetter: es.HigherIsBetter) : null;
        void Record(int epoch)
        {
            var at = new Checkpoint(epoch, model);
            foreach (var p in probes)
            {
                if (p.Values is { } v)
                {
                    var values = at.Arrays[p.Name] = v(at);
                    if (p.Keep) arrays[p.Name].Add(values);
                }
                if (p.Number is { } n) numbers[p.Name].Add(at.Numbers[p.Name] = n(at));
                p.Effect?.Invoke(at);
            }
        }
        if (options.ProbeBeforeTraining)
        {
            Record(0);
            loss.Add(double.NaN);
        }
        for (int e = 1; e <= settings.Epochs; e++)
        {
            loss.Add(model.TrainEpoch(data.X, data.Y, data.Rows, settings.BatchSize, shuffle));
            Record(e);
            progress((double)e / settings.Epochs);
            if (stopping is not null && stopping.Update(numbers[options.StopOn!][^1], [])) break;
        }
        return new TrainingLog([.. loss], numbers.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal),
            arrays.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal), loss.Count);
    }
}
