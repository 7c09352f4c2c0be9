using System.Runtime.CompilerServices;
using System.Text;

namespace NnViz.Testing;

/// <summary>
/// Snapshot assertions with Verify's conventions: <c>tests/Snapshots/{Class}.{Method}.verified.{ext}</c> is
/// committed; on mismatch <c>*.received.*</c> is written beside it (git-ignored). Accept a change by setting
/// NNVIZ_ACCEPT_SNAPSHOTS=1 (never under CI=true, where a missing or different snapshot always fails).
/// </summary>
public static class Snapshot
{
    public static void Match(string actual, string extension, string? name = null,
        [CallerFilePath] string callerFile = "", [CallerMemberName] string callerMember = "")
    {
        string cls = Path.GetFileNameWithoutExtension(callerFile);
        string stem = $"{cls}.{name ?? callerMember}";
        string dir = RepoPaths.SnapshotDir;
        Directory.CreateDirectory(dir);
        string verified = Path.Combine(dir, $"{stem}.verified.{extension}");
        string received = Path.Combine(dir, $"{stem}.received.{extension}");
        string normalized = actual.Replace("\r\n", "\n");
        bool ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        // NNVIZ_ACCEPT_SNAPSHOTS=1 accepts every difference; a comma list (e.g. "rings.snapshots,moons.claims")
        // accepts only the snapshots whose names contain one of its items. Each accepted file is named on stderr and in
        // the list ./test.sh prints at its end, so a review knows exactly what was accepted.
        string? wanted = Environment.GetEnvironmentVariable("NNVIZ_ACCEPT_SNAPSHOTS");
        bool accept = !ci && wanted is { Length: > 0 } && (wanted == "1" ||
            wanted.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Any(w => stem.Contains(w, StringComparison.Ordinal)));

        if (File.Exists(verified) && File.ReadAllText(verified) == normalized)
        {
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        if (accept)
        {
            File.WriteAllText(verified, normalized, new UTF8Encoding(false));
            if (File.Exists(received)) File.Delete(received);
            Console.Error.WriteLine($"snapshot accepted: {verified}");
            lock (AcceptedLog) File.AppendAllText(AcceptedLog, Path.GetFileName(verified) + "\n");
            return;
        }
        File.WriteAllText(received, normalized, new UTF8Encoding(false));
        string why = File.Exists(verified) ? "differs from the verified file" : "has no verified file yet";
        throw new SnapshotMismatchException(
            $"Snapshot {stem}.{extension}: the output {why}.\n" +
            $"  received: {received}\n  verified: {verified}\n" +
            "  Review the difference (diff the two files, render SVGs with rsvg-convert), then accept with " +
            "NNVIZ_ACCEPT_SNAPSHOTS=1 dotnet test, or fix the code.");
    }

    /// <summary>The snapshots accepted in this run, one file name a line (./test.sh prints and removes it).</summary>
    public static readonly string AcceptedLog = Path.Combine(Path.GetTempPath(), "nnviz-accepted-snapshots.txt");
}

public sealed class SnapshotMismatchException(string message) : Exception(message);
