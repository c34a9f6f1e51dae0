namespace HwGen.Training;

/// <summary>
/// The trainer's deterministic random numbers, specified here so that a seed means the same
/// numbers on every platform and runtime (System.Random's algorithm is not a contract).
/// <list type="bullet">
/// <item>Generator: xoshiro256** (Blackman and Vigna, 2018); its 256-bit state is filled by four
/// successive outputs of SplitMix64 started at the seed (as a 64-bit two's-complement value).</item>
/// <item><see cref="NextDouble"/>: the top 53 bits of one output times 2^-53, in [0, 1).</item>
/// <item><see cref="NextBelow"/>: rejection sampling on whole 64-bit outputs, so it is unbiased.</item>
/// <item><see cref="NextGaussian"/>: Marsaglia's polar method with <see cref="PortableMath.Log"/>;
/// each accepted pair yields one value (the second is dropped, so no state is hidden).</item>
/// <item><see cref="Shuffle{T}"/>: Fisher-Yates from the last element down.</item>
/// </list>
/// </summary>
public sealed class TrainingRandom
{
    private ulong _s0, _s1, _s2, _s3;

    public TrainingRandom(long seed)
    {
        var sm = unchecked((ulong)seed);
        _s0 = SplitMix64(ref sm);
        _s1 = SplitMix64(ref sm);
        _s2 = SplitMix64(ref sm);
        _s3 = SplitMix64(ref sm);
    }

    /// <summary>A generator with the given raw xoshiro256** state (not all zero).</summary>
    internal TrainingRandom(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        if ((s0 | s1 | s2 | s3) == 0)
            throw new ArgumentException("xoshiro256** state must not be all zero");
        (_s0, _s1, _s2, _s3) = (s0, s1, s2, s3);
    }

    /// <summary>One step of SplitMix64 (Steele, Lea and Flood): advances <paramref name="state"/>, returns the output.</summary>
    public static ulong SplitMix64(ref ulong state)
    {
        unchecked
        {
            var z = state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>The next 64-bit output of xoshiro256**.</summary>
    public ulong NextUInt64()
    {
        unchecked
        {
            var result = RotateLeft(_s1 * 5, 7) * 9;
            var t = _s1 << 17;
            _s2 ^= _s0;
            _s3 ^= _s1;
            _s1 ^= _s2;
            _s0 ^= _s3;
            _s2 ^= t;
            _s3 = RotateLeft(_s3, 45);
            return result;
        }
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform integer in [0, <paramref name="n"/>).</summary>
    public int NextBelow(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        var bound = (ulong)n;
        // Largest multiple of n that fits in 2^64: outputs at or above it are rejected.
        var limit = ulong.MaxValue - (ulong.MaxValue % bound + 1) % bound;
        ulong r;
        do
        {
            r = NextUInt64();
        }
        while (r > limit);
        return (int)(r % bound);
    }

    /// <summary>A standard normal value (mean 0, standard deviation 1).</summary>
    public double NextGaussian()
    {
        while (true)
        {
            var u = 2 * NextDouble() - 1;
            var v = 2 * NextDouble() - 1;
            var s = u * u + v * v;
            if (s > 0 && s < 1)
                return u * Math.Sqrt(-2 * PortableMath.Log(s) / s);
        }
    }

    /// <summary>Shuffles <paramref name="items"/> in place (Fisher-Yates).</summary>
    public void Shuffle<T>(Span<T> items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = NextBelow(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
