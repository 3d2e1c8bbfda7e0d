using System.Numerics;

namespace Warehouse.Generation;

/// <summary>xoshiro256** seeded through SplitMix64; independent streams are keyed by (seed, stream, index).</summary>
internal sealed class Rng
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public Rng(ulong seed)
    {
        var x = seed;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    public static Rng For(int seed, int stream, long index)
    {
        var k = (ulong)(uint)seed * 0x9E3779B97F4A7C15UL;
        k ^= ((ulong)(uint)stream + 0x632BE59BD9B4E019UL) * 0xBF58476D1CE4E5B9UL;
        k = BitOperations.RotateLeft(k, 23);
        k ^= ((ulong)index + 0x2545F4914F6CDD1DUL) * 0x94D049BB133111EBUL;
        return new Rng(k);
    }

    private static ulong SplitMix(ref ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        var z = x;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public ulong NextU64()
    {
        var result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>0..n-1 (0 when n ≤ 0).</summary>
    public int Next(int n) => n <= 0 ? 0 : (int)(((NextU64() >> 32) * (ulong)n) >> 32);

    /// <summary>lo..hi inclusive.</summary>
    public int Range(int lo, int hi) => hi <= lo ? lo : lo + Next(hi - lo + 1);

    /// <summary>lo..hi inclusive.</summary>
    public long RangeLong(long lo, long hi)
    {
        if (hi <= lo)
        {
            return lo;
        }

        var span = (ulong)(hi - lo) + 1;
        return lo + (long)(NextU64() % span);
    }

    public double NextDouble() => (NextU64() >> 11) * (1.0 / 9007199254740992.0);

    public double Uniform(double a, double b) => a + ((b - a) * NextDouble());

    public bool Chance(double p) => NextDouble() < p;

    public double Normal()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    public int Poisson(double lambda)
    {
        var limit = Math.Exp(-lambda);
        var k = 0;
        var p = 1.0;
        do
        {
            k++;
            p *= NextDouble();
        }
        while (p > limit);
        return k - 1;
    }

    /// <summary>Index drawn with the given non-negative integer weights.</summary>
    public int Weighted(IReadOnlyList<int> weights)
    {
        var total = 0;
        for (var i = 0; i < weights.Count; i++)
        {
            total += weights[i];
        }

        var r = Next(total);
        for (var i = 0; i < weights.Count; i++)
        {
            r -= weights[i];
            if (r < 0)
            {
                return i;
            }
        }

        return weights.Count - 1;
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    public string Digits(int count) =>
        string.Create(count, this, static (span, rng) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)('0' + rng.Next(10));
            }
        });
}
