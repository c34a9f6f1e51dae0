namespace HwGen.Numerics;

/// <summary>How a value that falls between two codes is rounded (docs/numerics.md, "Rounding").</summary>
public enum Rounding
{
    /// <summary>To the nearest code; an exact tie goes to the even code (the datapath default).</summary>
    NearestEven,

    /// <summary>To the nearest code; an exact tie goes away from zero.</summary>
    NearestAwayFromZero,

    /// <summary>Drop the fraction toward zero (truncation of the magnitude).</summary>
    TowardZero,

    /// <summary>Toward minus infinity: a plain arithmetic shift right.</summary>
    Floor,
}
