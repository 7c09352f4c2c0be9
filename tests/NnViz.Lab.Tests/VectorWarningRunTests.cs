using System.Text;

namespace NnViz.Lab.Tests;

/// <summary>
/// A reader's warning about the word vectors (words that are not UTF-8, read as Latin-1) reaches the user the way the
/// data-substitution warning does: on the console as <c>warning: spec: vectors data: …</c>, and on the experiment page
/// beside "embeddings initialised from GloVe". Vectors of another dimension than the embedding layer stop the run with
/// the vectors file and the layer's file:line:column.
/// </summary>
public class VectorWarningRunTests
{
    private static string Spec(string dir, int units) => $$"""
        name: glove-warning
        title: "Embeddings from a user's GloVe file"
        description: A tiny sentiment model whose embedding starts from the vectors in its folder.
        kind: embedding-animator
        data: {kind: reviews, source: generated, n: 120, val_n: 30, num_words: 40, max_length: 8}
        model:
          layers:
            - {kind: embedding, units: {{units}}}
            - {kind: flatten}
            - {kind: dense, units: 4, activation: relu, name: hidden}
            - {kind: dense, units: 1, activation: sigmoid}
        loss: binary_crossentropy
        optimizer: {kind: adam, learning_rate: 0.01}
        training: {epochs: 2, batch_size: 16, seed: 3}
        record: {every: epoch, layer: hidden}
        figures: [separation]
        options: {projection: pca, marked_points: 0, video: false, pretrained: glove, vectors_folder: '{{dir}}'}
        """;

    private static string Write(string dir, int units)
    {
        byte[] glove = [.. Encoding.UTF8.GetBytes("the 0.1 0.2 0.3\ngood 0.4 0.5 0.6\ncaf"), 0xE9, .. Encoding.UTF8.GetBytes(" 0.7 0.8 0.9\n")];
        File.WriteAllBytes(Path.Combine(dir, "glove.6B.50d.txt"), glove);
        string spec = Path.Combine(dir, "glove-warning.yaml");
        File.WriteAllText(spec, Spec(dir, units));
        return spec;
    }

    [Fact]
    public void A_latin1_fallback_is_a_console_warning_and_is_on_the_page()
    {
        string dir = Lab.TempDir("glove-warning");
        string spec = Write(dir, units: 3);
        var (exit, _, stderr) = Cli.Run(["run", spec, "--profile", "ci", "--out", Path.Combine(dir, "report"), "--store", Path.Combine(dir, "store")], dir);
        Assert.True(exit == 0, stderr);
        string glove = Path.Combine(dir, "glove.6B.50d.txt");
        string warning = $"{glove}:3: 1 word is not valid UTF-8 and was read as Latin-1 (the first, 'café', has byte 0xE9 at byte 4 of the word)";
        Assert.Contains($"warning: glove-warning: vectors data: {warning}", stderr);
        string page = File.ReadAllText(Path.Combine(dir, "report", "glove-warning", "index.html"));
        Assert.Contains("embeddings initialised from GloVe", page);
        Assert.Contains("glove.6B.50d.txt:3: 1 word is not valid UTF-8 and was read as Latin-1", page);
        Directory.Delete(dir, true);
    }

    [Fact]
    public void Vectors_of_another_dimension_than_the_embedding_name_the_file_and_the_layer()
    {
        string dir = Lab.TempDir("glove-dimension");
        string spec = Write(dir, units: 5);
        var (exit, _, stderr) = Cli.Run(["run", spec, "--profile", "ci", "--out", Path.Combine(dir, "report"), "--store", Path.Combine(dir, "store")], dir);
        Assert.Equal(1, exit);
        Assert.Contains($"error: {Path.Combine(dir, "glove.6B.50d.txt")}: the vectors have 3 dimensions but the embedding layer (glove-warning.yaml:8:7) has 5 units", stderr);
        Assert.Contains("hint: set model.layers[0].units to 3, or give vectors of 5 dimensions", stderr);
        Assert.False(File.Exists(Path.Combine(dir, "report", "glove-warning", "index.html")));
        Directory.Delete(dir, true);
    }
}
