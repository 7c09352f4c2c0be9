using System.CommandLine;
using NnViz.Cli.Commands;

var root = new RootCommand(
    "nnviz — NnVizRepro: reproduce published neural-network visualization experiments from YAML specs.\n" +
    "Trains deterministically, records what happens inside, projects it to 2-D, renders SVG figures and\n" +
    "animations, checks the write-ups' claims and writes a static HTML report.\n\n" +
    "Examples:\n" +
    "  nnviz run experiments/ --profile quick        run every spec, write reports/quick/index.html\n" +
    "  nnviz run experiments/poly-fit.yaml           one experiment\n" +
    "  nnviz validate experiments/                   check specs, print every error with file:line:column\n" +
    "  nnviz list                                    the experiments and experiment kinds available");
// Every command, in --help order: a new command is one file in Commands/ and one line here.
ICliCommand[] commands = [new RunCommand(), new PlanCommand(), new MergeCommand(), new ValidateCommand(), new ListCommand(), new AnimateCommand(), new ReportCommand(), new DataCommand(), new ServeCommand()];
foreach (var command in commands) root.Subcommands.Add(command.Create());
return root.Parse(args).Invoke();
