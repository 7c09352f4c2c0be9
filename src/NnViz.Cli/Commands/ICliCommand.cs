using System.CommandLine;

namespace NnViz.Cli.Commands;

/// <summary>A top-level nnviz command. Implementations are found by reflection, so a new command is one new file.</summary>
internal interface ICliCommand
{
    /// <summary>Position in --help (lower first).</summary>
    int Order { get; }

    Command Create();
}
