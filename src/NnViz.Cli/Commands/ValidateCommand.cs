using System.CommandLine;
using NnViz.Lab.Runs;
using NnViz.Lab.Specs;

namespace NnViz.Cli.Commands;

internal sealed class ValidateCommand : ICliCommand
{
    public Command Create()
    {
        var target = new Argument<string>("spec") { Description = "a spec file or a folder of *.yaml specs" };
        var profile = Common.Profile();
        var configs = Common.Configs();
        var cmd = new Command("validate",
            "Check specs without running them: unknown keys, wrong types, impossible values, unknown layer kinds,\n" +
            "shape mismatches and bad claims, all reported at once as file:line:column. Exit code 2 when invalid.\n" +
            "Example: nnviz validate experiments/") { target, profile, configs };
        cmd.SetAction(r =>
        {
            string path = r.GetValue(target)!;
            if (!Common.Exists(path)) return Common.ExitInvalid;
            try
            {
                var runner = new Runner(new RunnerOptions(Common.ConfigsDir(r.GetValue(configs)), "", "", r.GetValue(profile)!));
                var (specs, errors) = runner.ValidateAll(Runner.FindSpecs(path));
                if (errors.Count > 0) { Common.PrintErrors(errors); return Common.ExitInvalid; }
                foreach (var s in specs) Console.WriteLine($"ok  {s.File}  ({s.Name}: {s.Kind}, {s.Members.Count} model{(s.Members.Count == 1 ? "" : "s")}, {s.Claims.Count} claims)");
                return 0;
            }
            catch (SpecException e) { Common.PrintErrors(e.Errors); return Common.ExitInvalid; }
        });
        return cmd;
    }
}
