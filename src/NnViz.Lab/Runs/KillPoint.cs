using System.Diagnostics;

namespace NnViz.Lab.Runs;

/// <summary>
/// Crash-safety fault injection: when the environment variable <c>NNVIZ_KILL_AT</c> names a point this process
/// reaches (a progress stage such as <c>training</c> or <c>projecting</c>, or <c>publishing</c>,
/// <c>publish-copied</c>, <c>store-commit</c>, <c>index</c>), the process kills itself with SIGKILL right there, as a
/// crash or an impatient user would. The crash-safety tests use it to prove that a rerun ends with the same bytes.
/// Unset (always, outside those tests) it costs one string comparison.
/// </summary>
public static class KillPoint
{
    private static readonly string? At = Environment.GetEnvironmentVariable("NNVIZ_KILL_AT");

    public static void Reach(string point)
    {
        if (At is not null && point.StartsWith(At, StringComparison.Ordinal))
            Process.GetCurrentProcess().Kill();
    }
}
