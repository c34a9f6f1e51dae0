using System.Runtime.CompilerServices;

namespace HwGen.Numerics;

/// <summary>
/// The integer nonlinear units of docs/numerics.md section 4 (reciprocal, 1/sqrt, 2^x), built once
/// from <see cref="TableParameters"/> with their generated tables. Immutable; safe to share.
/// </summary>
public sealed class NonlinearUnits
{
    /// <summary>round(log2(e) * 2^15): the e^x -> 2^x constant.</summary>
    public const int Log2E = 47274;

    /// <summary>Fraction bits of <see cref="Log2E"/>.</summary>
    public const int Log2EFracBits = 15;

    private readonly int[] _exp;
    private readonly int[] _recip;
    private readonly int[] _rsqrt;
    private readonly int _ie, _fe, _ir, _fr, _is, _fs;
    private readonly int _expMask;

    public NonlinearUnits(TableParameters parameters)
    {
        Parameters = parameters;
        (_ie, _fe, _ir, _fr, _is, _fs) = (parameters.ExpIndexBits, parameters.ExpFracBits, parameters.RecipIndexBits,
            parameters.RecipFracBits, parameters.RsqrtIndexBits, parameters.RsqrtFracBits);
        _exp = ExpTable.Generate(_ie, _fe);
        _recip = ReciprocalTable.Generate(_ir, _fr);
        _rsqrt = RsqrtTable.Generate(_is, _fs);
        _expMask = (1 << _ie) - 1;
    }

    public TableParameters Parameters { get; }

    /// <summary>A copy of the exp table.</summary>
    public int[] ExpTableCopy() => (int[])_exp.Clone();

    /// <summary>
    /// Recip(v), v &gt;= 1: returns y1 and sets <paramref name="b"/> = flog2(v), with 1/v ~= y1 * 2^-(Fr + b).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Reciprocal(long v, out int b)
    {
        if (v < 1)
            throw new ArgumentOutOfRangeException(nameof(v), "the reciprocal unit needs v >= 1");
        b = FixedPoint.FloorLog2(v);
        var m = b <= 31 ? v << (31 - b) : v >> (b - 31);
        var k = (int)((m >> (31 - _ir)) - (1L << _ir));
        long y0 = _recip[k];
        var mq = m >> (31 - _fr);
        var t = (mq * y0) >> _fr;
        return (y0 * ((1L << (_fr + 1)) - t)) >> _fr;
    }

    /// <summary>
    /// Rsqrt(u), u &gt;= 1: returns y1 and sets <paramref name="s"/> (even), with 1/sqrt(u) ~= y1 * 2^-(Fs + 15 - s/2).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Rsqrt(long u, out int s)
    {
        if (u < 1)
            throw new ArgumentOutOfRangeException(nameof(u), "the rsqrt unit needs u >= 1");
        var b = FixedPoint.FloorLog2(u);
        s = (b & 1) == 0 ? 30 - b : 31 - b;
        var m = s >= 0 ? u << s : u >> -s;
        var k = (int)((m >> (30 - _is)) - (1L << _is));
        long y0 = _rsqrt[k];
        var mq = m >> (30 - _fs);
        var a = (y0 * y0) >> _fs;
        var t = (mq * a) >> _fs;
        return (y0 * (3L * (1L << _fs) - t)) >> (_fs + 1);
    }

    /// <summary>Exp2(w), w &lt;= 0 with Ie fraction bits: 2^(w / 2^Ie) with Fe fraction bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Exp2(long w)
    {
        var k = -(w >> _ie);
        return k >= 31 ? 0 : _exp[(int)(w & _expMask)] >> (int)k;
    }
}
