using System.Diagnostics;

namespace NnViz.Lab.Tests;

/// <summary>
/// A full disk while publishing: the report folder sits on a 4 MB tmpfs that the test fills (4 MB: a rerun needs room
/// for two copies of poly-fit's ci report, about 0.6 MB with its PNG frames). The publish fails with a clear message and exit code 1, the previous report stays intact, and no half copy is left. Needs root for mount
/// (CI and the development machines run as root).
/// </summary>
public class FullDiskTests
{
    [Fact]
    public void AFullDiskWhilePublishingLeavesThePreviousReportIntact()
    {
        string dir = Lab.TempDir("full-disk");
        string mnt = Path.Combine(dir, "tmpfs");
        Directory.CreateDirectory(mnt);
        Sh("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", mnt);
        try
        {
            string[] args = ["run", Path.Combine(Lab.Experiments, "poly-fit.yaml"), "--profile", "ci", "--configs", Lab.Configs,
                             "--out", Path.Combine(mnt, "report"), "--store", Path.Combine(dir, "store")];
            var (exit, _, stderr) = Cli.Run(args, dir);
            Assert.True(exit == 0, stderr);
            var before = Lab.Hashes(Path.Combine(mnt, "report", "poly-fit"));
            string index = File.ReadAllText(Path.Combine(mnt, "report", "index.html"));

            var free = new DriveInfo(mnt).AvailableFreeSpace;
            File.WriteAllBytes(Path.Combine(mnt, "filler"), new byte[Math.Max(0, free - 100_000)]);   // leave 100 KB: less than one copy
            (exit, _, stderr) = Cli.Run(args, dir);
            Assert.Equal(1, exit);
            Assert.Contains("could not publish", stderr);
            Assert.Contains("left as it was", stderr);
            Assert.DoesNotMatch(@"\n\s+at [A-Z][\w.]+\(", stderr);
            Assert.Equal(before, Lab.Hashes(Path.Combine(mnt, "report", "poly-fit")));
            Assert.Equal(index, File.ReadAllText(Path.Combine(mnt, "report", "index.html")));
            Assert.Empty(Directory.GetDirectories(Path.Combine(mnt, "report"), ".*"));

            File.Delete(Path.Combine(mnt, "filler"));
            (exit, _, stderr) = Cli.Run(args, dir);
            Assert.True(exit == 0, stderr);
            Assert.Equal(before, Lab.Hashes(Path.Combine(mnt, "report", "poly-fit")));
        }
        finally
        {
            Sh("umount", mnt);
            Directory.Delete(dir, true);
        }
    }

    private static void Sh(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        string err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"{file} {string.Join(' ', args)} failed (this test needs root to mount a tmpfs): {err}");
    }
}
