using System.CommandLine;
using NnViz.Lab.Experiments;
using NnViz.Lab.Runs;
using NnViz.Lab.Specs;
using Spectre.Console;

namespace NnViz.Cli.Commands;

internal sealed class ListCommand : ICliCommand
{
    public Command Create()
    {
        var dir = new Option<string>("--experiments") { Description = "folder of specs", DefaultValueFactory = _ => "experiments" };
        var cmd = new Command("list", "List the experiment specs (with their kind and title) and the experiment kinds.\nExample: nnviz list") { dir };
        cmd.SetAction(r =>
        {
            string folder = r.GetValue(dir)!;
            var table = new Table().AddColumns("spec", "name", "kind", "title");
            if (Directory.Exists(folder))
            {
                var runner = new Runner(new RunnerOptions(Common.ConfigsDir(null), "", "", "full"));
                foreach (var f in Runner.FindSpecs(folder))
                {
                    try
                    {
                        var s = SpecLoader.Load(f, runner.Profile);
                        table.AddRow(Markup.Escape(s.File), s.Name, s.Kind, Markup.Escape(s.Title));
                    }
                    catch (SpecException e) { table.AddRow(Markup.Escape(f), "[red]invalid[/]", "", Markup.Escape($"{e.Errors.Count} error(s): run nnviz validate {f}")); }
                }
            }
            AnsiConsole.Write(table);
            var kinds = new Table().AddColumns("kind", "what it does");
            foreach (var k in ExperimentKinds.Names) kinds.AddRow(k, Markup.Escape(ExperimentKinds.ByName[k].Summary));
            AnsiConsole.Write(kinds);
            return 0;
        });
        return cmd;
    }
}
