namespace NnViz.Engine.Nn;

/// <summary>
/// A layer's configuration, Keras-style (constructor arguments are the config). Kinds: dense, dropout,
/// embedding, lstm, bidirectional (wraps an LSTM of Units; Merge concat|sum), global_average_pooling1d,
/// global_max_pooling1d, flatten.
/// </summary>
/// <param name="Kind">Layer kind, snake_case as in Keras.</param>
/// <param name="Name">Unique name (probes and saved weights refer to it).</param>
/// <param name="Units">Dense units, LSTM units, or the embedding's output dimension.</param>
/// <param name="Activation">Dense activation: linear, tanh, sigmoid, relu, softmax.</param>
/// <param name="Rate">Dropout rate in [0, 1).</param>
/// <param name="VocabSize">Embedding input dimension (number of token ids).</param>
/// <param name="ReturnSequences">LSTM: all states (true) or the last (false).</param>
/// <param name="Trainable">False freezes the layer's parameters (a fixed pretrained embedding).</param>
/// <param name="MaskZero">Embedding: token id 0 is padding and is masked downstream.</param>
/// <param name="Merge">Bidirectional merge mode: concat or sum.</param>
public sealed record LayerSpec(string Kind, string Name, int Units = 0, string Activation = "linear",
    double Rate = 0, int VocabSize = 0, bool ReturnSequences = false, bool Trainable = true, bool MaskZero = false,
    string Merge = "concat");
