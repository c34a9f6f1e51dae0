using System.Globalization;
using System.Text.RegularExpressions;

namespace HwGen.Numerics;

/// <summary>
/// A 16-bit signed two's-complement fixed-point format Qm.n: m integer bits including the sign,
/// n fraction bits, m + n = 16. A code c (-32768 .. 32767) stands for the value c * 2^-n.
/// </summary>
public sealed partial record QFormat
{
    /// <summary>Total bits of every code.</summary>
    public const int Width = 16;

    /// <summary>The smallest code, -2^15.</summary>
    public const int MinCode = short.MinValue;

    /// <summary>The largest code, 2^15 - 1.</summary>
    public const int MaxCode = short.MaxValue;

    /// <summary>Creates Q<paramref name="intBits"/>.(16 - intBits); intBits is 1 .. 16.</summary>
    public QFormat(int intBits)
    {
        if (intBits < 1 || intBits > Width)
            throw new HwGenException($"Q{intBits}.{Width - intBits} is not a format: the integer bits (sign included) must be 1 .. 16.");
        IntBits = intBits;
    }

    /// <summary>m: integer bits, the sign included.</summary>
    public int IntBits { get; }

    /// <summary>n: fraction bits, 16 - m.</summary>
    public int FracBits => Width - IntBits;

    /// <summary>The value of one code step, 2^-n.</summary>
    public double Resolution => Math.ScaleB(1.0, -FracBits);

    /// <summary>The largest value, (2^15 - 1) * 2^-n.</summary>
    public double MaxValue => MaxCode * Resolution;

    /// <summary>The smallest value, -2^(m-1).</summary>
    public double MinValue => MinCode * Resolution;

    /// <summary>The format with <paramref name="fracBits"/> fraction bits, 0 .. 15.</summary>
    public static QFormat WithFracBits(int fracBits) => new(Width - fracBits);

    /// <summary>The value of a code: code * 2^-n.</summary>
    public double ToValue(int code) => Math.ScaleB(code, -FracBits);

    /// <summary>
    /// The code of a real value: value * 2^n rounded by <paramref name="rounding"/>, then clamped
    /// (<see cref="Overflow.Saturate"/>) or rejected (<see cref="Overflow.Error"/>) when outside the range.
    /// <paramref name="saturated"/> tells whether it was clamped.
    /// </summary>
    public int ToCode(double value, Rounding rounding, Overflow overflow, out bool saturated)
    {
        if (double.IsNaN(value))
            throw new HwGenException($"cannot convert NaN to {this}.");
        var scaled = Math.ScaleB(value, FracBits);
        var rounded = rounding switch
        {
            Rounding.NearestEven => Math.Round(scaled, MidpointRounding.ToEven),
            Rounding.NearestAwayFromZero => Math.Round(scaled, MidpointRounding.AwayFromZero),
            Rounding.TowardZero => Math.Truncate(scaled),
            Rounding.Floor => Math.Floor(scaled),
            _ => throw new ArgumentOutOfRangeException(nameof(rounding)),
        };
        saturated = rounded < MinCode || rounded > MaxCode;
        if (!saturated)
            return (int)rounded;
        if (overflow == Overflow.Error)
            throw new HwGenException($"{value.ToString("R", CultureInfo.InvariantCulture)} is outside the range of {this} ({MinValue.ToString(CultureInfo.InvariantCulture)} .. {MaxValue.ToString(CultureInfo.InvariantCulture)}); use a format with more integer bits.");
        return rounded < MinCode ? MinCode : MaxCode;
    }

    /// <summary><see cref="ToCode(double, Rounding, Overflow, out bool)"/> without the saturation flag.</summary>
    public int ToCode(double value, Rounding rounding = Rounding.NearestEven, Overflow overflow = Overflow.Saturate) =>
        ToCode(value, rounding, overflow, out _);

    /// <summary>
    /// The fewest integer bits m (1 .. 16) whose range holds ±<paramref name="maxAbs"/>: the smallest m
    /// with 2^(m-1) &gt; maxAbs. Throws when even Q16.0 is too small.
    /// </summary>
    public static QFormat ForMaxAbs(double maxAbs, string what)
    {
        if (double.IsNaN(maxAbs) || maxAbs < 0)
            throw new ArgumentOutOfRangeException(nameof(maxAbs));
        for (var m = 1; m <= Width; m++)
        {
            if (Math.ScaleB(1.0, m - 1) > maxAbs)
                return new QFormat(m);
        }
        throw new HwGenException($"{what} reaches {maxAbs.ToString("G6", CultureInfo.InvariantCulture)}, beyond the range of every 16-bit format (Q16.0 holds up to 32767).");
    }

    /// <summary>
    /// Parses "Q4.12" (also "q4.12"): m integer bits including the sign, n fraction bits, m + n = 16.
    /// <paramref name="where"/> names the source (an option) in the error message.
    /// </summary>
    public static QFormat Parse(string text, string where = "format")
    {
        var match = Pattern().Match(text ?? "");
        if (!match.Success)
            throw new HwGenException($"{where}: '{text}' is not a fixed-point format; write Qm.n with m integer bits (sign included) and n fraction bits, m + n = 16, e.g. Q4.12.");
        var m = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var n = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        if (m + n != Width)
            throw new HwGenException($"{where}: '{text}' has {m + n} bits; HwGen codes are 16-bit, so m + n must be 16 (e.g. Q{m}.{Width - m} or Q{Width - n}.{n}).");
        if (m < 1)
            throw new HwGenException($"{where}: '{text}' has no sign bit; m counts the sign and must be at least 1 (e.g. Q1.15).");
        return new QFormat(m);
    }

    /// <summary>Parses like <see cref="Parse"/>, returning false instead of throwing.</summary>
    public static bool TryParse(string text, out QFormat? format)
    {
        try
        {
            format = Parse(text);
            return true;
        }
        catch (HwGenException)
        {
            format = null;
            return false;
        }
    }

    /// <summary>"Q4.12".</summary>
    public override string ToString() => $"Q{IntBits}.{FracBits}";

    [GeneratedRegex(@"^[Qq](\d{1,2})\.(\d{1,2})$")]
    private static partial Regex Pattern();
}
