using System.CommandLine;
using NnViz.Cli.Commands;
using Spectre.Console;

// Output read by another program (./run.sh runs nnviz through MSBuild, CI captures it): Spectre.Console cannot see a
// terminal and would wrap the run's summary table at 80 columns, one word per line. Take the terminal width the
// caller passes in COLUMNS (run.sh exports it), else a width that fits the table's eight columns.
if (Console.IsOutputRedirected)
    AnsiConsole.Profile.Width = int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out int columns) && columns >= 40 ? columns : 160;

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
