using System.Globalization;

namespace HwGen.Golden;

/// <summary>The sampling temperature as the hardware takes it: an unsigned UQ8.8 code (tau = code / 256).</summary>
public static class Temperature
{
    /// <summary>Fraction bits of the code.</summary>
    public const int FracBits = 8;

    /// <summary>The code of <paramref name="tau"/>: round(tau * 256), which must be 1 .. 65535.</summary>
    public static int ToCode(double tau)
    {
        var code = Math.Round(tau * (1 << FracBits), MidpointRounding.AwayFromZero);
        if (!(code >= 1 && code <= ushort.MaxValue))
            throw new HwGenException($"temperature {tau.ToString(CultureInfo.InvariantCulture)} is not representable as UQ8.8 (1/256 .. 255.996); use a value in that range, or --greedy.");
        return (int)code;
    }

    /// <summary>The value of a code.</summary>
    public static double ToValue(int code) => code / (double)(1 << FracBits);
}
