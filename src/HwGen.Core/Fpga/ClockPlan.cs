namespace HwGen.Fpga;

/// <summary>
/// The core clock of a board build: what was asked for, what the board makes, and the iCE40 PLL
/// settings when a PLL makes it (null when the core runs at the oscillator's frequency).
/// </summary>
/// <param name="RequestedMHz">The frequency asked for.</param>
/// <param name="ClockMHz">The frequency the core runs at.</param>
/// <param name="Pll">The PLL settings, or null when the oscillator clocks the core directly.</param>
public sealed record ClockPlan(double RequestedMHz, double ClockMHz, Ice40PllSettings? Pll)
{
    /// <summary>
    /// The clock for <paramref name="requestedMHz"/> on <paramref name="target"/>; when null, the
    /// target's default for a core of <paramref name="arch"/> (<see cref="FpgaTarget.DefaultClockMHz"/>:
    /// the board clock unless the target names a faster one for that core). iCE40 boards use the oscillator itself or a PLL setting, whichever is closest at
    /// or below the request; the vendor boards run the core at the oscillator's frequency.
    /// </summary>
    /// <exception cref="HwGenException">The frequency cannot be made on this board.</exception>
    public static ClockPlan For(FpgaTarget target, Rtl.CoreArch arch, double? requestedMHz)
    {
        var board = target.BoardClockMHz;
        var requested = requestedMHz ?? target.DefaultClockMHz(arch);
        if (!(requested > 0) || double.IsInfinity(requested))
            throw new HwGenException($"--freq {Fmt.Num(requested)}: give a positive frequency in MHz.");
        if (target.Flow != FpgaFlowKind.IceStorm)
        {
            if (Math.Abs(requested - board) > 1e-9)
                throw new HwGenException($"--freq {Fmt.Num(requested)}: the {target.Name} project runs the core at the board's {target.BoardClockText} clock (no PLL); leave out --freq or give {Fmt.Num(board)}.");
            return new ClockPlan(requested, board, null);
        }
        if (requested > Ice40Pll.MaxOutputMHz)
            throw new HwGenException($"--freq {Fmt.Num(requested)}: the iCE40 PLL makes at most {Fmt.MHz(Ice40Pll.MaxOutputMHz)}; give a lower frequency.");
        if (requested < board)
            throw new HwGenException($"--freq {Fmt.Num(requested)}: {target.Board} cannot run slower than its {target.BoardClockText} oscillator (the PLL makes {Fmt.MHz(Ice40Pll.MinOutputMHz)} and up); give at least {Fmt.Num(board)}.");
        var pll = Ice40Pll.Best(board, requested);
        if (pll is null || pll.OutputMHz <= board)
            return new ClockPlan(requested, board, null);
        return new ClockPlan(requested, pll.OutputMHz, pll);
    }
}
