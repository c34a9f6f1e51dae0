namespace HwGen.Numerics;

/// <summary>The 2^f table of the exp unit (docs/numerics.md 4.3).</summary>
public static class ExpTable
{
    /// <summary>P[f] = round(2^(f / 2^indexBits) * 2^fracBits), f = 0 .. 2^indexBits - 1.</summary>
    public static int[] Generate(int indexBits, int fracBits)
    {
        if (indexBits is < 1 or > 16 || fracBits is < 1 or > 29)
            throw new ArgumentOutOfRangeException(nameof(indexBits), "exp table: index bits 1..16, fraction bits 1..29");
        var table = new int[1 << indexBits];
        for (var f = 0; f < table.Length; f++)
            table[f] = (int)Math.Round(Math.Pow(2.0, (double)f / table.Length) * Math.ScaleB(1.0, fracBits), MidpointRounding.AwayFromZero);
        return table;
    }
}
