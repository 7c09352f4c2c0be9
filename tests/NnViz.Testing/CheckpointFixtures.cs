namespace NnViz.Testing;

/// <summary>
/// The PyTorch checkpoints in tools/parity/checkpoints (written by Debian's PyTorch: vocabulary 12, 5 steps) and a
/// replay spec beside copies of them, shared by the Lab tests (store key) and the Torch tests (replay itself).
/// </summary>
public static class CheckpointFixtures
{
    public static string Folder => Path.Combine(RepoPaths.Root, "tools", "parity", "checkpoints");
    public static readonly string[] Files = ["lstm_model_epoch1.pt", "lstm_model_epoch2.safetensors"];

    /// <summary>
    /// Copies the fixtures into <paramref name="dir"/> and writes replay.yaml naming <paramref name="files"/> (default:
    /// both) relative to it; <paramref name="dataSource"/> adds <c>source:</c> to the data section when given.
    /// </summary>
    public static string WriteSpec(string dir, int hiddenUnits = 5, string[]? files = null, string? dataSource = null)
    {
        foreach (var f in Files) File.Copy(Path.Combine(Folder, f), Path.Combine(dir, f));
        string source = dataSource is null ? "" : $"source: {dataSource}, ";
        string file = Path.Combine(dir, "replay.yaml");
        File.WriteAllText(file, $$"""
            name: replay
            title: "A PyTorch run's hidden layer, replayed"
            description: Two epochs of a user's model, recorded from its state_dicts.
            kind: embedding-animator
            data: {kind: reviews, {{source}}n: 120, val_n: 30, num_words: 12, max_length: 5}
            model:
              layers:
                - {kind: embedding, units: 4, name: embedding}
                - {kind: lstm, units: 3, name: lstm}
                - {kind: dense, units: {{hiddenUnits}}, activation: relu, name: hidden}
                - {kind: dense, units: 1, activation: sigmoid, name: output}
            loss: binary_crossentropy
            optimizer: {kind: adam, learning_rate: 0.001}
            training: {epochs: 7, batch_size: 16, seed: 5}
            record:
              layer: hidden
              checkpoints: [{{string.Join(", ", files ?? Files)}}]
            options: {projection: pca, marked_points: 2, video: false}
            """);
        return file;
    }
}
