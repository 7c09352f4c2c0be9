namespace NnViz.Explorer;

/// <summary>
/// The one place the explorer's model work is let in: one explanation at a time, at most
/// <see cref="ExplorerOptions.MaxWaiting"/> requests waiting (more are turned away at once), each waiting at most
/// <see cref="ExplorerOptions.QueueTimeout"/>. <see cref="Leave"/> after every <see cref="Entry.Entered"/>.
/// </summary>
public sealed class ModelQueue(ExplorerOptions options)
{
    public enum Entry { Entered, Full, TimedOut }

    private readonly SemaphoreSlim _gate = new(1, 1);
    private int _waiting;

    /// <summary>Requests waiting now (not counting the one at work).</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>True while an explanation holds the model.</summary>
    public bool Busy => _gate.CurrentCount == 0;

    public async Task<Entry> EnterAsync(CancellationToken cancel)
    {
        if (_gate.Wait(0)) return Entry.Entered;
        if (Interlocked.Increment(ref _waiting) > options.MaxWaiting)
        {
            Interlocked.Decrement(ref _waiting);
            return Entry.Full;
        }
        try { return await _gate.WaitAsync(options.QueueTimeout, cancel).ConfigureAwait(false) ? Entry.Entered : Entry.TimedOut; }
        finally { Interlocked.Decrement(ref _waiting); }
    }

    public void Leave() => _gate.Release();
}
