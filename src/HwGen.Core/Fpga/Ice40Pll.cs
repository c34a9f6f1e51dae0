namespace HwGen.Fpga;

/// <summary>
/// Chooses iCE40 PLL settings as icepll does (SIMPLE feedback; PFD 10..133 MHz, VCO 533..1066 MHz,
/// output 16..275 MHz), but never faster than asked: of the frequencies the PLL can make, the
/// highest one at or below the request.
/// </summary>
public static class Ice40Pll
{
    /// <summary>The lowest output frequency the PLL makes.</summary>
    public const double MinOutputMHz = 16.0;

    /// <summary>The highest output frequency the PLL makes.</summary>
    public const double MaxOutputMHz = 275.0;

    private const double MinPfd = 10.0, MaxPfd = 133.0, MinVco = 533.0, MaxVco = 1066.0;

    /// <summary>
    /// The settings whose output is closest to <paramref name="requestedMHz"/> without exceeding
    /// it, or null when no output is at or below it (it is under <see cref="MinOutputMHz"/>).
    /// Ties keep the first found in the order DIVR, DIVF, DIVQ ascending.
    /// </summary>
    /// <exception cref="HwGenException">The input frequency is outside 10..133 MHz.</exception>
    public static Ice40PllSettings? Best(double inputMHz, double requestedMHz)
    {
        if (inputMHz is < MinPfd or > MaxPfd)
            throw new HwGenException($"PLL input {Fmt.MHz(inputMHz)} is outside the iCE40 PLL's 10..133 MHz.");
        Ice40PllSettings? best = null;
        for (var divr = 0; divr <= 15; divr++)
        {
            var pfd = inputMHz / (divr + 1);
            if (pfd is < MinPfd or > MaxPfd)
                continue;
            for (var divf = 0; divf <= 127; divf++)
            {
                var vco = pfd * (divf + 1);
                if (vco is < MinVco or > MaxVco)
                    continue;
                for (var divq = 1; divq <= 6; divq++)
                {
                    var fout = vco / (1 << divq);
                    if (fout is < MinOutputMHz or > MaxOutputMHz || fout > requestedMHz + 1e-9)
                        continue;
                    if (best is null || fout > best.OutputMHz + 1e-9)
                        best = new Ice40PllSettings(inputMHz, requestedMHz, divr, divf, divq);
                }
            }
        }
        return best;
    }
}
