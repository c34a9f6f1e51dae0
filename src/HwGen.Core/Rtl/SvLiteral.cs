using System.Globalization;

namespace HwGen.Rtl;

/// <summary>Widths and sized literals of generated SystemVerilog, computed once here.</summary>
public static class SvLiteral
{
    /// <summary>Bits to hold the values 0 .. count-1 (at least 1).</summary>
    public static int IndexWidth(int count) => Math.Max(1, CeilLog2(count));

    /// <summary>ceil(log2(n)) for n &gt;= 1, as SystemVerilog's $clog2.</summary>
    public static int CeilLog2(long n)
    {
        if (n < 1)
            throw new ArgumentOutOfRangeException(nameof(n), n, "must be positive");
        var bits = 0;
        while ((1L << bits) < n)
            bits++;
        return bits;
    }

    /// <summary>Bits to hold the unsigned value <paramref name="v"/> &gt;= 0 (at least 1).</summary>
    public static int BitLength(long v)
    {
        var bits = 1;
        while (v >= 1L << bits)
            bits++;
        return bits;
    }

    /// <summary>Bits of the two's-complement range that holds <paramref name="min"/> .. <paramref name="max"/>.</summary>
    public static int SignedWidth(long min, long max)
    {
        var bits = 1;
        while (min < -(1L << (bits - 1)) || max > (1L << (bits - 1)) - 1)
            bits++;
        return bits;
    }

    /// <summary>An unsigned sized decimal literal, e.g. <c>8'd27</c>; throws when it does not fit.</summary>
    public static string Unsigned(int width, long value)
    {
        if (value < 0 || (width < 63 && value >= 1L << width))
            throw new ArgumentOutOfRangeException(nameof(value), value, $"does not fit {width} unsigned bits");
        return string.Create(CultureInfo.InvariantCulture, $"{width}'d{value}");
    }

    /// <summary>A signed sized literal, e.g. <c>16'sd5</c> or <c>-16'sd5</c>; throws when it does not fit.</summary>
    public static string Signed(int width, long value)
    {
        if (value < -(1L << (width - 1)) || value > (1L << (width - 1)) - 1)
            throw new ArgumentOutOfRangeException(nameof(value), value, $"does not fit {width} signed bits");
        return value < 0
            ? string.Create(CultureInfo.InvariantCulture, $"-{width}'sd{-value}")
            : string.Create(CultureInfo.InvariantCulture, $"{width}'sd{value}");
    }
}
