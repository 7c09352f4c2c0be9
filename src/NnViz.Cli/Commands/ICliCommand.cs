using System.CommandLine;

namespace NnViz.Cli.Commands;

/// <summary>A top-level nnviz command; Program.cs lists every command explicitly, in --help order.</summary>
internal interface ICliCommand
{
    Command Create();
}
