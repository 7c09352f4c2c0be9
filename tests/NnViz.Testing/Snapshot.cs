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
        bool accept = !ci && Environment.GetEnvironmentVariable("NNVIZ_ACCEPT_SNAPSHOTS") == "1";

        if (File.Exists(verified) && File.ReadAllText(verified) == normalized)
        {
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        if (accept)
        {
            File.WriteAllText(verified, normalized, new UTF8Encoding(false));
            if (File.Exists(received)) File.Delete(received);
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
}

public sealed class SnapshotMismatchException(string message) : Exception(message);
