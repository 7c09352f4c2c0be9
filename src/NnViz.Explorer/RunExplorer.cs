using System.Diagnostics;
using System.Text.Json;
using NnViz.Data;
using NnViz.Engine;
using NnViz.Engine.Nn;
using NnViz.Lab.Experiments;
using NnViz.Lab.Explain;
using NnViz.Lab.Runs;
using NnViz.Lab.Text;

namespace NnViz.Explorer;

/// <summary>One word of an answer, with the colour the page paints it.</summary>
public sealed record ExplorerWord(string Text, double Impact, bool Known, string Color, double Opacity);

/// <summary>One checkpoint's reading of the typed text.</summary>
public sealed record ExplorerRow(string Checkpoint, double Probability, string Predicted, IReadOnlyList<ExplorerWord> Words);

/// <summary>Where the typed text lands in one layer space at the last checkpoint (the page's blue point).</summary>
public sealed record ExplorerPoint(string Layer, double X, double Y);

/// <summary>The explorer's answer: a clear note when the text was cut or held nothing the model knows.</summary>
public sealed record ExplorerAnswer(string Text, bool Truncated, int UnknownWords, string? Note, IReadOnlyList<ExplorerRow> Rows, IReadOnlyList<ExplorerPoint> Points, double Milliseconds);

/// <summary>
/// The live explorer of seed 004 over a finished imdb-lstm run: loads its checkpoints (NnViz.Engine ModelFile), the
/// vocabulary and the layer features of the fixed test reviews, lays each layer space out with Isomap once, and
/// answers a typed text with word impacts per checkpoint and its out-of-sample Isomap position in each space.
/// Models reuse buffers, so answers are computed one at a time (<see cref="Explain"/> takes a lock; the server queues
/// requests before it with a timeout). Problems with the text itself are <see cref="ExplorerInputException"/>s.
/// </summary>
public sealed class RunExplorer
{
    /// <summary>The longest text read, in UTF-16 characters (the page's text box allows as many); longer is refused.</summary>
    public const int MaxCharacters = 20_000;

    private readonly object _modelLock = new();

    private readonly TextEncoder _encoder;
    private readonly (int Epoch, Sequential Model)[] _checkpoints;
    private readonly SpaceFrame[] _frames;
    private readonly string[] _layerNames;

    public IReadOnlyList<string> Layers { get; }
    public IReadOnlyList<float[]> Layouts { get; }
    public IReadOnlyList<string> Ids { get; }
    public IReadOnlyList<string> Texts { get; }
    public int[] PredictedLabels { get; }
    public int LastEpoch => _checkpoints[^1].Epoch;

    private RunExplorer(TextEncoder encoder, (int, Sequential)[] checkpoints, SpaceFrame[] frames, string[] layerNames, string[] ids, string[] texts, int[] predicted)
    {
        _encoder = encoder; _checkpoints = checkpoints; _frames = frames; _layerNames = layerNames;
        Layers = ["embedding (mean over words)", "LSTM", "hidden Dense"];
        Layouts = [.. frames.Select(f => LayerSpaceLayout.ToFloat(f.Coordinates))];
        Ids = ids; Texts = texts; PredictedLabels = predicted;
    }

    /// <summary>Loads an imdb-lstm run folder (the one holding checkpoints/ and data/); clear messages for what is missing.</summary>
    public static RunExplorer Load(string folder, int impactEvery = 2, int neighbors = 10)
    {
        string Need(string rel) => File.Exists(Path.Combine(folder, rel)) ? Path.Combine(folder, rel)
            : throw new FileNotFoundException($"{Path.Combine(folder, rel)} is missing: serve needs a finished imdb-lstm run (nnviz run experiments/imdb-lstm.yaml --profile quick)");
        var vocab = JsonSerializer.Deserialize<SavedVocabulary>(File.ReadAllText(Need("checkpoints/vocabulary.json")), ArtifactSink.JsonOptions)!;
        var encoder = TextEncoder.FromWords(vocab.Words, vocab.MaxLength);
        var files = Directory.GetFiles(Path.Combine(folder, "checkpoints"), "epoch_*.nnvz").Order(StringComparer.Ordinal).ToArray();
        if (files.Length == 0) throw new FileNotFoundException($"no checkpoints/epoch_*.nnvz in {folder}");
        var all = files.Select(f => (Epoch: int.Parse(Path.GetFileNameWithoutExtension(f)[6..], System.Globalization.CultureInfo.InvariantCulture), File: f)).ToList();
        int last = all[^1].Epoch;
        var checkpoints = all.Where(c => c.Epoch % impactEvery == 0 || c.Epoch == last)
            .Select(c => { using var s = File.OpenRead(c.File); return (c.Epoch, (Sequential)ModelFile.Load(s)); }).ToArray();
        string[] keys = ["embedding", "lstm", "hidden"];
        var frames = new SpaceFrame[3];
        var rng = new Rng(0);
        for (int l = 0; l < 3; l++)
        {
            using var s = File.OpenRead(Need($"data/features_{keys[l]}_epoch_{last:00}.npy"));
            var (x, shape) = NpyFile.Read(s);
            frames[l] = LayerSpaceLayout.Fit(keys[l], [x], shape[0], shape[1], neighbors, rng)[0];
        }
        var rows = Csv.ReadFile(Need("data/space_points.csv")).Skip(1).ToList();
        var model = checkpoints[^1].Item2;
        string[] ids = [.. rows.Select(r => r.Fields[1])], texts = [.. rows.Select(r => r.Fields[3])];
        var p = model.Predict(encoder.Batch(texts), texts.Length);
        // Texts in the CSV may be shortened for display; the labels shown are the model's reading of what is shown.
        return new RunExplorer(encoder, checkpoints, frames, [model.Layers[0].Name, model.Layers.First(l => l is Lstm).Name, model.Layers.Take(model.Layers.Count - 1).Last(l => l is Dense).Name],
            ids, texts, Array.ConvertAll(p, v => v >= 0.5f ? 1 : 0));
    }

    /// <summary>
    /// Explains one text: control characters (NUL included) and lone surrogates become spaces, a text of more words than
    /// the model reads is cut (the answer says so). An empty text, or one over <see cref="MaxCharacters"/>, is an
    /// <see cref="ExplorerInputException"/>; <paramref name="cancel"/> is checked before each checkpoint's reading.
    /// </summary>
    public ExplorerAnswer Explain(string? raw, CancellationToken cancel = default)
    {
        raw ??= "";
        if (raw.Length > MaxCharacters)
            throw new ExplorerInputException($"The text is too long: {raw.Length:N0} characters, at most {MaxCharacters:N0} are read.", InputProblem.TooLarge);
        string text = Clean(raw);
        if (text.Length == 0) throw new ExplorerInputException("Type a sentence: the text was empty (or held only spaces and control characters).");
        lock (_modelLock) return Answer(text, cancel);
    }

    /// <summary>
    /// Replaces control characters but newlines and tabs, and surrogates that are not part of a pair, by spaces (so a
    /// NUL between two words does not glue them into one unknown word).
    /// </summary>
    public static string Clean(string raw)
    {
        var kept = new System.Text.StringBuilder(raw.Length);
        for (int i = 0; i < raw.Length; i++)
        {
            char c = raw[i];
            if (char.IsHighSurrogate(c) && i + 1 < raw.Length && char.IsLowSurrogate(raw[i + 1])) { kept.Append(c).Append(raw[++i]); continue; }
            if (char.IsSurrogate(c)) { kept.Append(' '); continue; }
            kept.Append(!char.IsControl(c) || c is '\n' or '\t' ? c : ' ');
        }
        return kept.ToString().Trim();
    }

    private ExplorerAnswer Answer(string text, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        var rows = new List<ExplorerRow>();
        foreach (var (epoch, model) in _checkpoints)
        {
            cancel.ThrowIfCancellationRequested();
            var row = WordImpact.Explain(model, _encoder, text, $"epoch {epoch}");
            double max = WordImpact.MaxAbs(row);
            rows.Add(new ExplorerRow(row.Checkpoint, row.Probability, row.Predicted,
                [.. row.Words.Select(w => { var (c, o) = WordImpact.Encode(w.Impact, max); return new ExplorerWord(w.Text, w.Impact, w.Known, c, o); })]));
        }
        var words = rows[0].Words;
        bool truncated = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length > words.Count;
        cancel.ThrowIfCancellationRequested();
        var features = LayerFeatures.Capture(_checkpoints[^1].Model, _encoder.Batch([text]), 1, _layerNames[0], _layerNames[1], _layerNames[2], out _);
        var points = new List<ExplorerPoint>();
        for (int l = 0; l < 3; l++)
        {
            var xy = LayerSpaceLayout.Place(_frames[l], Array.ConvertAll(features[l].Values, v => (double)v), 1);
            points.Add(new ExplorerPoint(Layers[l], xy[0], xy[1]));
        }
        int unknown = words.Count(w => !w.Known);
        string? note = truncated ? $"The text was long: only the first {words.Count} words were read." : unknown == words.Count ? "None of these words is in the model's vocabulary." : null;
        string shown = string.Join(' ', words.Select(w => w.Text));
        return new ExplorerAnswer(shown, truncated, unknown, note, rows, points, clock.Elapsed.TotalMilliseconds);
    }
}
