using NnViz.Lab.Specs;

namespace NnViz.Lab.Experiments.Common;

/// <summary>Data-section fields that several kinds declare alike.</summary>
public static class DataFields
{
    /// <summary>
    /// <c>source</c> (default auto: the real set when the data folder has it, else the generated stand-in; the kind
    /// says what each choice means) and <c>folder</c> (the data folder searched) of a kind reading one real set.
    /// </summary>
    public static Field[] SourceAndFolder(string sourceDoc, params string[] choices) =>
    [
        new Field("source", FieldType.String, sourceDoc) { Default = "auto", OneOf = choices },
        new Field("folder", FieldType.String, "data folder (default: NNVIZ_DATA, else ./data)"),
    ];
}
