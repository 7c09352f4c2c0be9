using NnViz.Lab.Runs;
using NnViz.Testing;

namespace NnViz.Lab.Tests;

/// <summary>
/// A spec that replays record.checkpoints is keyed in the run store by its checkpoint files' bytes, not only by their
/// names: rewriting a checkpoint in place reruns the spec; the same bytes (even rewritten, with a new timestamp) reuse it.
/// </summary>
public class CheckpointStoreKeyTests
{
    private static readonly string[] Files = CheckpointFixtures.Files;

    private static string WriteSpec(string dir) => CheckpointFixtures.WriteSpec(dir, dataSource: "generated");

    private static string Key(Runner runner, string spec)
    {
        var (specs, errors) = runner.ValidateAll([spec]);
        Assert.Empty(errors);
        return runner.UnitKey(specs[0]);
    }

    [Fact]
    public void Rewriting_a_checkpoint_file_changes_the_store_key_and_the_same_bytes_keep_it()
    {
        string dir = Lab.TempDir("checkpoint-key");
        string spec = WriteSpec(dir);
        var runner = Lab.Runner(Path.Combine(dir, "out"));
        string first = Key(runner, spec);
        Assert.Equal(first, Key(runner, spec));

        // The same bytes written again (new modification time): same key, the stored run is reused.
        string second = Path.Combine(dir, Files[1]);
        byte[] original = File.ReadAllBytes(second);
        File.WriteAllBytes(second, original);
        File.SetLastWriteTimeUtc(second, DateTime.UtcNow.AddMinutes(5));
        Assert.Equal(first, Key(runner, spec));

        // One byte of the second epoch's tensors changed in place: a different key, so the spec reruns.
        byte[] changed = (byte[])original.Clone();
        changed[^1] ^= 0x01;
        File.WriteAllBytes(second, changed);
        string rewritten = Key(runner, spec);
        Assert.NotEqual(first, rewritten);

        // Back to the original bytes: back to the original key (the earlier store entry is found again).
        File.WriteAllBytes(second, original);
        Assert.Equal(first, Key(runner, spec));
        Directory.Delete(dir, true);
    }

    [Fact]
    public void The_checkpoints_order_is_part_of_the_key()
    {
        string dir = Lab.TempDir("checkpoint-order");
        string spec = WriteSpec(dir);
        var runner = Lab.Runner(Path.Combine(dir, "out"));
        string first = Key(runner, spec);
        // Swap the two files' contents under the same names: the names in the spec are unchanged, the epochs are not.
        string a = Path.Combine(dir, Files[0]), b = Path.Combine(dir, Files[1]);
        byte[] ba = File.ReadAllBytes(a), bb = File.ReadAllBytes(b);
        File.WriteAllBytes(a, bb);
        File.WriteAllBytes(b, ba);
        Assert.NotEqual(first, Key(runner, spec));
        Directory.Delete(dir, true);
    }
}
