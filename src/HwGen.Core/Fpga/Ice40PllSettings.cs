namespace HwGen.Fpga;

/// <summary>
/// The settings of an iCE40 PLL in SIMPLE feedback mode: F_PFD = F_IN / (DIVR + 1),
/// F_VCO = F_PFD * (DIVF + 1), F_OUT = F_VCO / 2^DIVQ.
/// </summary>
/// <param name="InputMHz">The reference clock.</param>
/// <param name="RequestedMHz">The frequency asked for.</param>
/// <param name="DivR">Reference divider, 0..15.</param>
/// <param name="DivF">Feedback divider, 0..127.</param>
/// <param name="DivQ">Output divider exponent, 1..6.</param>
public sealed record Ice40PllSettings(double InputMHz, double RequestedMHz, int DivR, int DivF, int DivQ)
{
    /// <summary>The phase detector's frequency.</summary>
    public double PfdMHz => InputMHz / (DivR + 1);

    /// <summary>The VCO's frequency.</summary>
    public double VcoMHz => PfdMHz * (DivF + 1);

    /// <summary>The frequency the PLL produces.</summary>
    public double OutputMHz => VcoMHz / (1 << DivQ);

    /// <summary>The loop filter setting for the phase detector's frequency (as icepll chooses it).</summary>
    public int FilterRange => PfdMHz switch
    {
        < 17 => 1,
        < 26 => 2,
        < 44 => 3,
        < 66 => 4,
        < 101 => 5,
        _ => 6,
    };
}
