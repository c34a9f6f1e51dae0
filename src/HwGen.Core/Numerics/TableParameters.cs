namespace HwGen.Numerics;

/// <summary>
/// The sizes of the nonlinear units' tables and their fixed-point widths (docs/numerics.md, section 4).
/// </summary>
/// <param name="ExpIndexBits">Ie: fraction bits of the exp argument and index bits of the 2^f table.</param>
/// <param name="ExpFracBits">Fe: fraction bits of the exp table's entries (2^0 = 2^Fe).</param>
/// <param name="RecipIndexBits">Ir: index bits of the reciprocal table (mantissa in [1, 2)).</param>
/// <param name="RecipFracBits">Fr: fraction bits of the reciprocal estimate.</param>
/// <param name="RsqrtIndexBits">Is: index bits per unit of the 1/sqrt table (mantissa in [1, 4), 3 * 2^Is entries).</param>
/// <param name="RsqrtFracBits">Fs: fraction bits of the 1/sqrt estimate.</param>
public sealed record TableParameters(int ExpIndexBits, int ExpFracBits, int RecipIndexBits, int RecipFracBits, int RsqrtIndexBits, int RsqrtFracBits)
{
    /// <summary>The values the specification states: Ie 10, Fe 16, Ir 10, Fr 20, Is 8, Fs 20.</summary>
    public static TableParameters Default { get; } = new(10, 16, 10, 20, 8, 20);

    /// <summary>
    /// The compact core's tables (<c>--arch compact</c>): Ie 8, Fe 15, Ir 8, Fr 15, Is 6, Fs 15. Every
    /// entry and every unit output fits 16 bits, so each product is one 16 x 16 multiply, and the
    /// tables take one block RAM each (exp 256 x 16, recip 256 x 15, rsqrt 192 x 15).
    /// </summary>
    public static TableParameters Compact { get; } = new(8, 15, 8, 15, 6, 15);
}
