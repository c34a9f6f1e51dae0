using System.Globalization;
using System.Runtime.CompilerServices;

namespace HwGen.Numerics;

/// <summary>
/// The shared integer primitives of the datapath (docs/numerics.md, "Primitives"): rounding
/// shifts and the one requantize step every site uses to turn an exact wide value into a 16-bit code.
/// </summary>
public static class FixedPoint
{
    /// <summary>
    /// x * 2^-shift rounded to an integer by <paramref name="rounding"/> (arithmetic shifts on two's
    /// complement); a shift of 0 or less is an exact left shift. |shift| must be at most 62.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long ShiftRound(long x, int shift, Rounding rounding)
    {
        if (shift <= 0)
            return x << -shift;
        switch (rounding)
        {
            case Rounding.Floor:
                return x >> shift;
            case Rounding.TowardZero:
                return x >= 0 ? x >> shift : -(-x >> shift);
            case Rounding.NearestAwayFromZero:
            {
                var half = 1L << (shift - 1);
                return x >= 0 ? (x + half) >> shift : -((-x + half) >> shift);
            }
            default:
                // Nearest, ties to even: adding half - 1 plus the lsb of the truncated result carries
                // exactly when the remainder is above half, or equal to half with an odd result.
                return (x + ((1L << (shift - 1)) - 1) + ((x >> shift) & 1)) >> shift;
        }
    }

    /// <summary>
    /// Round half up: (x + 2^(shift-1)) &gt;&gt; shift for shift &gt; 0, x &lt;&lt; -shift otherwise.
    /// Used inside the nonlinear units (exp argument), where ties are irrelevant and an adder is cheapest.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long ShiftRoundHalfUp(long x, int shift) =>
        shift <= 0 ? x << -shift : (x + (1L << (shift - 1))) >> shift;

    /// <summary>
    /// The requantize step: <paramref name="acc"/> holds an exact value with <paramref name="accFracBits"/>
    /// fraction bits; the result is its code in <paramref name="to"/>, rounded by <paramref name="rounding"/>,
    /// then clamped to -32768 .. 32767 (counting one event in <paramref name="saturations"/>) or rejected.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Requantize(long acc, int accFracBits, QFormat to, Rounding rounding, Overflow overflow, ref long saturations)
    {
        var shift = accFracBits - to.FracBits;
        long v;
        if (shift >= 0)
        {
            v = ShiftRound(acc, shift, rounding);
        }
        else
        {
            // An exact left shift: saturate before shifting so that no bit is lost.
            var left = -shift;
            v = acc > (QFormat.MaxCode >> left) ? QFormat.MaxCode + 1L
                : acc < (QFormat.MinCode >> left) ? QFormat.MinCode - 1L
                : acc << left;
        }
        if (v > QFormat.MaxCode)
            return Saturate(QFormat.MaxCode, acc, accFracBits, to, overflow, ref saturations);
        if (v < QFormat.MinCode)
            return Saturate(QFormat.MinCode, acc, accFracBits, to, overflow, ref saturations);
        return (int)v;
    }

    /// <summary><see cref="Requantize(long, int, QFormat, Rounding, Overflow, ref long)"/> without a counter.</summary>
    public static int Requantize(long acc, int accFracBits, QFormat to, Rounding rounding, Overflow overflow)
    {
        long ignored = 0;
        return Requantize(acc, accFracBits, to, rounding, overflow, ref ignored);
    }

    private static int Saturate(int bound, long acc, int accFracBits, QFormat to, Overflow overflow, ref long saturations)
    {
        if (overflow == Overflow.Error)
            throw new HwGenException($"the value {Math.ScaleB(acc, -accFracBits).ToString("G6", CultureInfo.InvariantCulture)} overflows {to} (range {to.MinValue.ToString(CultureInfo.InvariantCulture)} .. {to.MaxValue.ToString(CultureInfo.InvariantCulture)}); use a format with more integer bits.");
        saturations++;
        return bound;
    }

    /// <summary>
    /// Bits of a signed accumulator that holds any sum of <paramref name="length"/> products of two
    /// 16-bit codes without overflow: 32 + ceil(log2(length)). (|product| &lt;= 2^30.)
    /// </summary>
    public static int DotAccumulatorBits(int length) => 32 + CeilLog2(length);

    /// <summary>ceil(log2(n)) for n &gt;= 1.</summary>
    public static int CeilLog2(long n)
    {
        if (n < 1)
            throw new ArgumentOutOfRangeException(nameof(n));
        return n == 1 ? 0 : 64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)(n - 1));
    }

    /// <summary>floor(log2(n)) for n &gt;= 1: the position of the leading one.</summary>
    public static int FloorLog2(long n)
    {
        if (n < 1)
            throw new ArgumentOutOfRangeException(nameof(n));
        return 63 - System.Numerics.BitOperations.LeadingZeroCount((ulong)n);
    }
}
