using System.Diagnostics;
using System.Globalization;
using NnViz.Bench.Engine;

// Usage: dotnet run -c Release --project bench/engine -- [workload|all] [--threads N] [--engine native|torch]
// Prints one line per workload: name<TAB>seconds<TAB>unit<TAB>note<TAB>cpu seconds (InvariantCulture).
int threads = 1;
var names = new List<string>();
for (int i = 0; i < args.Length; i++)
{
    if (args[i] == "--threads") threads = int.Parse(args[++i], CultureInfo.InvariantCulture);
    else if (args[i] == "--engine") Workloads.Engine = args[++i];
    else names.Add(args[i]);
}
if (names.Count == 0 || names.Contains("all")) names = [.. Workloads.All.Keys];
foreach (var name in names)
{
    if (!Workloads.All.TryGetValue(name, out var run)) { Console.Error.WriteLine($"unknown workload '{name}'; known: {string.Join(", ", Workloads.All.Keys)}"); return 2; }
    var result = run(threads);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}\t{result.Seconds:F4}\t{result.Unit}\t{result.Note}\t{result.CpuSeconds:F4}"));
}
return 0;
