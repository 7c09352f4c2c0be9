using NnViz.Lab.Runs;
using NnViz.Lab.Specs;

namespace NnViz.Lab.Experiments;

/// <summary>
/// One kind of experiment (curve fitting, hidden plane, decision boundary, ...): what its spec may say beyond the
/// common sections, how to check it, which metrics it measures, and how to run it. Each kind lives in its own folder
/// under Experiments/ and is listed once in <see cref="ExperimentKinds"/>; a new experiment of an existing kind is one
/// new YAML file.
/// </summary>
public interface IExperimentKind
{
    /// <summary>The value of <c>kind:</c> in a spec.</summary>
    string Kind { get; }

    /// <summary>One line for <c>nnviz list</c>.</summary>
    string Summary { get; }

    /// <summary>The data kinds this experiment accepts and their parameter schemas.</summary>
    IReadOnlyDictionary<string, Schema> DataSchemas { get; }

    /// <summary>Schema of the kind-specific <c>options:</c> section.</summary>
    Schema OptionsSchema { get; }

    /// <summary>Figure ids a spec may list under <c>figures:</c> (all by default).</summary>
    IReadOnlyList<string> FigureIds { get; }

    /// <summary>Probe ids a spec may list under <c>record.probes:</c>.</summary>
    IReadOnlyList<string> ProbeIds { get; }

    /// <summary>Every metric the kind can emit (claims may name only these).</summary>
    IReadOnlyList<MetricInfo> Metrics { get; }

    /// <summary>The kind's typed data record from the validated <c>data:</c> section of the given data kind (called once the spec is valid).</summary>
    object BindData(string dataKind, Section data);

    /// <summary>The kind's typed options record from the validated <c>options:</c> section (called once the spec is valid).</summary>
    object BindOptions(Section options);

    /// <summary>Checks that need the whole spec (shape mismatches, loss vs output activation); adds errors.</summary>
    void Validate(ExperimentSpec spec, ICollection<SpecError> errors);

    /// <summary>
    /// The data the spec will read (real sets found in the data folder, or generated stand-ins) and why, decided
    /// before the run: the run store keys on the real sets' identity and `nnviz data status` lists them. None by
    /// default (the kind's data is synthetic).
    /// </summary>
    IReadOnlyList<Common.DataChoice> ChooseData(ExperimentSpec spec) => [];

    /// <summary>Trains, records and measures; then renders the page through the context; returns page blocks and metrics.</summary>
    ExperimentOutput Run(ExperimentSpec spec, RunContext context);
}
