using System.Globalization;
using System.Text;

namespace HwGen.Quantization;

/// <summary>The .mem image of a tensor: one 16-bit two's-complement code per line, 4 lowercase hex digits.</summary>
public static class MemFile
{
    /// <summary>The file text ("ff9c\n" for -100), row-major as the codes are stored.</summary>
    public static string Render(IEnumerable<short> codes)
    {
        var sb = new StringBuilder();
        foreach (var c in codes)
            sb.Append(((ushort)c).ToString("x4", CultureInfo.InvariantCulture)).Append('\n');
        return sb.ToString();
    }

    /// <summary>Parses such a text back into codes; throws naming the first bad line.</summary>
    public static short[] Parse(string text, string where)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var codes = new short[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length != 4 || !ushort.TryParse(line, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var u))
                throw new HwGenException($"{where}:{i + 1}: '{line}' is not a 16-bit word of 4 hex digits.");
            codes[i] = (short)u;
        }
        return codes;
    }
}
