namespace HwGen.Sampling;

/// <summary>
/// A small deterministic PRNG that gives the same numbers on every platform and runtime:
/// Marsaglia's xorshift32 (state ^= state &lt;&lt; 13; state ^= state &gt;&gt; 17; state ^= state &lt;&lt; 5).
/// The seed is first mixed by MurmurHash3's 32-bit finalizer so that nearby seeds give unrelated
/// streams; a mixed state of 0 (which xorshift cannot leave) is replaced by 0x9E3779B9.
/// </summary>
public sealed class XorShift32
{
    private uint _state;

    /// <summary>A generator whose stream is fixed by <paramref name="seed"/> (mixed as the type describes).</summary>
    public XorShift32(int seed)
    {
        var s = (uint)seed;
        s ^= s >> 16;
        s *= 0x85EBCA6Bu;
        s ^= s >> 13;
        s *= 0xC2B2AE35u;
        s ^= s >> 16;
        _state = s == 0 ? 0x9E3779B9u : s;
    }

    private XorShift32(uint state, bool _) => _state = state;

    /// <summary>A generator started from a raw, non-zero xorshift32 state, without seed mixing.</summary>
    public static XorShift32 FromState(uint state) =>
        state != 0 ? new XorShift32(state, false) : throw new ArgumentOutOfRangeException(nameof(state), "xorshift32 state must not be 0");

    /// <summary>The next 32-bit output (never 0).</summary>
    public uint NextUInt32()
    {
        var x = _state;
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        _state = x;
        return x;
    }

    /// <summary>A uniform value in [0, 1): the next output divided by 2^32.</summary>
    public double NextDouble() => NextUInt32() / 4294967296.0;
}
