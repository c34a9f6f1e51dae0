namespace HwGen.Numerics;

/// <summary>The seed table of the reciprocal unit (docs/numerics.md 4.1).</summary>
public static class ReciprocalTable
{
    /// <summary>R[k] = round(2^fracBits / (1 + (k + 0.5) / 2^indexBits)), k = 0 .. 2^indexBits - 1.</summary>
    public static int[] Generate(int indexBits, int fracBits)
    {
        if (indexBits is < 1 or > 16 || fracBits is < 1 or > 29)
            throw new ArgumentOutOfRangeException(nameof(indexBits), "reciprocal table: index bits 1..16, fraction bits 1..29");
        var n = 1 << indexBits;
        var table = new int[n];
        for (var k = 0; k < n; k++)
            table[k] = (int)Math.Round(Math.ScaleB(1.0, fracBits) / (1.0 + (k + 0.5) / n), MidpointRounding.AwayFromZero);
        return table;
    }
}
