namespace NnViz.Lab.Experiments;

/// <summary>
/// What `nnviz serve` needs besides the model files to encode a typed sentence: written by the imdb-lstm kind as
/// checkpoints/vocabulary.json, read by the explorer (so it stays in the shared namespace).
/// </summary>
public sealed record SavedVocabulary(int MaxLength, IReadOnlyList<string> Words);
