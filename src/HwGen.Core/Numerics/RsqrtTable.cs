namespace HwGen.Numerics;

/// <summary>The seed table of the reciprocal-square-root unit (docs/numerics.md 4.2).</summary>
public static class RsqrtTable
{
    /// <summary>T[k] = round(2^fracBits / sqrt(1 + (k + 0.5) / 2^indexBits)), k = 0 .. 3 * 2^indexBits - 1 (mantissas in [1, 4)).</summary>
    public static int[] Generate(int indexBits, int fracBits)
    {
        if (indexBits is < 1 or > 16 || fracBits is < 1 or > 29)
            throw new ArgumentOutOfRangeException(nameof(indexBits), "rsqrt table: index bits 1..16, fraction bits 1..29");
        var perUnit = 1 << indexBits;
        var table = new int[3 * perUnit];
        for (var k = 0; k < table.Length; k++)
            table[k] = (int)Math.Round(Math.ScaleB(1.0, fracBits) / Math.Sqrt(1.0 + (k + 0.5) / perUnit), MidpointRounding.AwayFromZero);
        return table;
    }
}
