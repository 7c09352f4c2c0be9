using System.Text;

namespace NnViz.Engine;

/// <summary>
/// The one random number generator of NnVizRepro: xoshiro256** seeded through SplitMix64
/// (Blackman &amp; Vigna 2018). Never a static and never <see cref="System.Random"/>: every consumer gets
/// its own stream by forking with a name (<c>rng.Fork("init/dense_1")</c>), so adding a consumer never
/// shifts the numbers another one sees.
/// </summary>
public sealed class Rng
{
    private ulong _s0, _s1, _s2, _s3;
    private readonly ulong _seed;

    public Rng(ulong seed)
    {
        _seed = seed;
        ulong sm = seed;
        _s0 = SplitMix(ref sm); _s1 = SplitMix(ref sm); _s2 = SplitMix(ref sm); _s3 = SplitMix(ref sm);
    }

    /// <summary>The seed this stream was created from (a forked stream's derived seed).</summary>
    public ulong Seed => _seed;

    /// <summary>An independent stream derived from this stream's seed and a name; does not advance this stream.</summary>
    public Rng Fork(string name)
    {
        // FNV-1a over the UTF-8 name, mixed with the parent seed: stable across runs, platforms and .NET versions.
        ulong h = 14695981039346656037UL;
        foreach (byte b in Encoding.UTF8.GetBytes(name)) { h ^= b; h *= 1099511628211UL; }
        ulong mix = _seed ^ (h * 0x9E3779B97F4A7C15UL);
        return new Rng(SplitMix(ref mix));
    }

    public ulong NextUInt64()
    {
        ulong result = RotL(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0; _s3 ^= _s1; _s1 ^= _s2; _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotL(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, 1) with 24 random bits.</summary>
    public float NextFloat() => (NextUInt64() >> 40) * (1.0f / (1 << 24));

    /// <summary>Uniform in [lo, hi).</summary>
    public double Uniform(double lo, double hi) => lo + (hi - lo) * NextDouble();

    /// <summary>Uniform integer in [0, n) without modulo bias (Lemire's method).</summary>
    public int NextInt(int n)
    {
        if (n <= 0) throw new ArgumentOutOfRangeException(nameof(n), n, "n must be positive");
        ulong un = (ulong)n;
        UInt128 m = (UInt128)NextUInt64() * un;
        ulong low = (ulong)m;
        if (low < un)
        {
            ulong threshold = (0UL - un) % un;
            while (low < threshold) { m = (UInt128)NextUInt64() * un; low = (ulong)m; }
        }
        return (int)(m >> 64);
    }

    /// <summary>Standard normal by the Box-Muller transform (no cached second value: the stream stays simple to reason about).</summary>
    public double NextGaussian()
    {
        double u1 = 1.0 - NextDouble(); // (0, 1]
        double u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Fisher-Yates shuffle in place.</summary>
    public void Shuffle<T>(Span<T> items)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>A permutation of 0..n-1.</summary>
    public int[] Permutation(int n)
    {
        var p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        Shuffle<int>(p);
        return p;
    }

    private static ulong RotL(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
