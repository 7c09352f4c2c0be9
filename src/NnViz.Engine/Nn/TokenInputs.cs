namespace NnViz.Engine.Nn;

/// <summary>Connects an LSTM (or Bidirectional) to the Embedding it reads directly, so it takes its training batches
/// grouped by token (<see cref="Kernels.TokenGroups"/>): both models call this for every such pair, the graph only when
/// the embedding has no other consumer (its gradient then reaches it one row per token, not as a flow).</summary>
internal static class TokenInputs
{
    /// <summary>Wires consumer to source when source is an Embedding and consumer an Lstm or Bidirectional; returns
    /// whether it did.</summary>
    public static bool Wire(Layer source, Layer consumer)
    {
        if (source is not Embedding embedding) return false;
        switch (consumer)
        {
            case Lstm lstm: lstm.TokenSource = embedding; return true;
            case Bidirectional bi: bi.TokenSource = embedding; return true;
            default: return false;
        }
    }
}
