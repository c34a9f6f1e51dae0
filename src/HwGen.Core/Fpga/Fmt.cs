using System.Globalization;

namespace HwGen.Fpga;

/// <summary>Number formatting for generated files and reports: invariant culture, no trailing zeros.</summary>
internal static class Fmt
{
    public static string MHz(double mhz) => mhz.ToString("0.###", CultureInfo.InvariantCulture) + " MHz";

    public static string Num(double value, string format = "0.###") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);
}
