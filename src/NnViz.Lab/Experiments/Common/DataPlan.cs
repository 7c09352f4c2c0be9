using System.Text;
using NnViz.Data;
using NnViz.Lab.Runs;
using NnViz.Lab.Specs;

namespace NnViz.Lab.Experiments.Common;

/// <summary>What one experiment reads on one profile: each data role's choice, or the error that stops it.</summary>
public sealed record DataPlanRow(string Experiment, string Profile, IReadOnlyList<DataChoice> Choices, string? Error);

/// <summary>
/// `nnviz data status`'s second half: for each experiment spec and each profile, which data its kind will read
/// (the real set and its identity, or the generated stand-in) and why, decided exactly as a run decides it.
/// </summary>
public static class DataPlan
{
    public static IReadOnlyList<DataPlanRow> Collect(string specsDir, string configsDir, KindRegistry? kinds = null)
    {
        kinds ??= ExperimentKinds.Default;
        var rows = new List<DataPlanRow>();
        foreach (string file in Runner.FindSpecs(specsDir))
            foreach (string name in Profile.Available(configsDir))
            {
                string experiment = Path.GetFileNameWithoutExtension(file);
                try
                {
                    ExperimentSpec spec = SpecLoader.Load(file, Profile.Load(configsDir, name), kinds);
                    rows.Add(new DataPlanRow(spec.Name, name, kinds.ByName[spec.Kind].ChooseData(spec), null));
                }
                catch (SpecException e) { rows.Add(new DataPlanRow(experiment, name, [], $"spec invalid: {e.Message.Split('\n')[0]}")); }
                catch (DataException e) { rows.Add(new DataPlanRow(experiment, name, [], e.Message)); }
            }
        return rows;
    }

    /// <summary>One block per experiment, one line per profile and data role.</summary>
    public static string Format(IReadOnlyList<DataPlanRow> rows)
    {
        var text = new StringBuilder("\nWhat each experiment reads (per profile):\n");
        foreach (var g in rows.GroupBy(r => r.Experiment))
        {
            text.Append('\n').Append(g.Key).Append('\n');
            foreach (DataPlanRow r in g)
            {
                if (r.Error is not null) { text.Append($"  {r.Profile,-6} cannot run: {r.Error}\n"); continue; }
                if (r.Choices.Count == 0) text.Append($"  {r.Profile,-6} synthetic data, as the write-up's (nothing to read)\n");
                foreach (DataChoice c in r.Choices)
                {
                    string what = c.Located is null ? "GENERATED stand-in" : c.StandIn ? $"STAND-IN {c.Located.Info.Id} at {c.Located.Root}" : $"{c.Located.Info.Id} at {c.Located.Root}";
                    text.Append($"  {r.Profile,-6} {c.Role}: {what} — {c.Why}\n");
                }
            }
        }
        return text.ToString();
    }
}
