using System.Runtime.CompilerServices;
using NnViz.Testing;

namespace NnViz.Lab.Tests;

/// <summary>
/// The experiments read the data folder as a run does: NNVIZ_DATA when the test process has it, else the shared
/// real data beside the repository (<see cref="RepoPaths.SharedData"/>), so the ci profile runs each kind on a small
/// real slice and the snapshots show real data. A test that wants no data names an empty folder in its spec.
/// </summary>
internal static class SharedDataFolder
{
    [ModuleInitializer]
    internal static void Use()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NNVIZ_DATA")) && Directory.Exists(RepoPaths.SharedData))
            Environment.SetEnvironmentVariable("NNVIZ_DATA", RepoPaths.SharedData);
    }
}
