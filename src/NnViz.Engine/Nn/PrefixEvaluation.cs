namespace NnViz.Engine.Nn;

/// <summary>
/// The model's output after every prefix of one sequence, in one pass: a unidirectional LSTM's state after step t is
/// the state the prefix of length t+1 ends in, so the head applied to every state gives every prefix's output
/// (bit-identical to predicting each prefix on its own), for the cost of one forward instead of n.
/// </summary>
public static class PrefixEvaluation
{
    /// <summary>tokens: one sequence of length ids (no padding needed). Returns length x OutputWidth: row t is the output
    /// for tokens[0..t]. Layers before the last-state LSTM must work step by step (embedding, dropout, dense, LSTMs
    /// returning sequences); a bidirectional layer or pooling before it makes prefixes depend on the future: rejected.</summary>
    public static float[] PredictPrefixes(this Sequential model, float[] tokens, int length)
    {
        var layers = model.Layers;
        int k = -1;
        for (int i = 0; i < layers.Count && k < 0; i++)
        {
            switch (layers[i])
            {
                case Lstm { ReturnSequences: false, Reverse: false }: k = i; break;
                case Embedding or Dropout or Dense or Lstm { ReturnSequences: true, Reverse: false }: break;
                default: throw new NotSupportedException($"{layers[i].Name}: prefix evaluation needs step-by-step layers before the last-state LSTM");
            }
        }
        if (k < 0) throw new NotSupportedException("prefix evaluation needs an LSTM returning its last state");
        var flow = new Flow(tokens, 1, length, model.InputFeatures);
        for (int i = 0; i < k; i++) flow = layers[i].Forward(flow, Mode.Eval);
        var lstm = (Lstm)layers[k];
        lstm.Forward(flow, Mode.Eval);
        // One row, time-major states: row t of States is h after step t.
        var states = new float[length * lstm.Units];
        Array.Copy(lstm.States, states, states.Length);
        flow = new Flow(states, length, 1, lstm.Units);
        for (int i = k + 1; i < layers.Count; i++) flow = layers[i].Forward(flow, Mode.Eval);
        var result = new float[length * flow.Width];
        Array.Copy(flow.Data, result, result.Length);
        return result;
    }
}
