namespace HwGen.Numerics;

/// <summary>What happens when a rounded value is outside the 16-bit code range.</summary>
public enum Overflow
{
    /// <summary>Clamp to -32768 or 32767 and count one saturation event at the site.</summary>
    Saturate,

    /// <summary>Throw <see cref="HwGenException"/>: the value must fit.</summary>
    Error,
}
