using System.Globalization;
using System.Text;

namespace HwGen.Rtl;

/// <summary>Formats ROM images for <c>$readmemh</c>: one two's-complement hex word per line.</summary>
public static class MemImage
{
    /// <summary>Hex digits for a word of <paramref name="width"/> bits.</summary>
    public static int HexDigits(int width) => (width + 3) / 4;

    /// <summary>
    /// The image of <paramref name="words"/> as <paramref name="width"/>-bit two's-complement words
    /// (a negative value is written as its low <paramref name="width"/> bits, never with a minus sign),
    /// lowercase, one per line, after a <c>//</c> comment line <paramref name="header"/> that says what it holds.
    /// </summary>
    public static string Format(IEnumerable<long> words, int width, string header)
    {
        if (width is < 1 or > 63)
            throw new ArgumentOutOfRangeException(nameof(width), width, "word width must be 1..63 bits");
        var mask = (1L << width) - 1;
        var digits = HexDigits(width);
        var sb = new StringBuilder();
        sb.Append("// ").Append(header).Append('\n');
        foreach (var w in words)
        {
            var min = -(1L << (width - 1));
            if (w < min || w > mask)
                throw new ArgumentOutOfRangeException(nameof(words), w, $"word {w} does not fit {width} bits");
            sb.Append((w & mask).ToString("x" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)).Append('\n');
        }
        return sb.ToString();
    }
}
