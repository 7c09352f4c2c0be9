using System.Runtime.CompilerServices;

namespace NnViz.Projection.Neighbors;

/// <summary>A bounded, sorted list of the k smallest (distance, index) pairs seen so far; ties go to the smaller index.</summary>
internal struct TopK
{
    private readonly double[] _dist;
    private readonly int[] _idx;
    private readonly int _k;
    public int Count;

    public TopK(double[] distBuffer, int[] idxBuffer, int k)
    {
        _dist = distBuffer; _idx = idxBuffer; _k = k; Count = 0;
    }

    /// <summary>The current k-th smallest distance (+inf until full).</summary>
    public readonly double Bound => Count < _k ? double.PositiveInfinity : _dist[_k - 1];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Offer(double dist, int index)
    {
        if (Count == _k && (dist > _dist[_k - 1] || (dist == _dist[_k - 1] && index > _idx[_k - 1]))) return;
        int pos = Count < _k ? Count++ : _k - 1;
        while (pos > 0 && (_dist[pos - 1] > dist || (_dist[pos - 1] == dist && _idx[pos - 1] > index)))
        {
            _dist[pos] = _dist[pos - 1]; _idx[pos] = _idx[pos - 1]; pos--;
        }
        _dist[pos] = dist; _idx[pos] = index;
    }
}
