namespace HwGen.Fpga;

/// <summary>
/// A board HwGen builds for: its device, its oscillator, its constraint file in
/// <c>constraints/</c>, the yosys command that estimates or synthesises for its family, and the
/// device's resources.
/// </summary>
/// <param name="Name">The --target name, e.g. "ice40-up5k".</param>
/// <param name="Board">The board, e.g. "iCEBreaker".</param>
/// <param name="Device">The device part name.</param>
/// <param name="Flow">How its bitstream is built.</param>
/// <param name="BoardClockMHz">The board oscillator's frequency.</param>
/// <param name="ConstraintsFile">The pin constraints in <c>constraints/</c>.</param>
/// <param name="YosysSynth">The yosys synthesis command for the family, without -top or outputs (e.g. "synth_ice40 -dsp").</param>
/// <param name="LedsActiveLow">True when the board's LEDs light on a low output.</param>
/// <param name="Resources">The device's resources, in report order.</param>
/// <param name="BlockRamName">What the family calls its block RAM ("EBR", "BRAM", "M10K").</param>
/// <param name="BlockRamCells">The yosys cell types of its block RAM.</param>
/// <param name="SpramCells">The yosys cell types of its single-port RAM (iCE40 SPRAM), if any.</param>
public sealed record FpgaTarget(
    string Name,
    string Board,
    string Device,
    FpgaFlowKind Flow,
    double BoardClockMHz,
    string ConstraintsFile,
    string YosysSynth,
    bool LedsActiveLow,
    IReadOnlyList<DeviceResource> Resources,
    string BlockRamName,
    IReadOnlyList<string> BlockRamCells,
    IReadOnlyList<string> SpramCells)
{
    /// <summary>The architecture a build for this board uses unless the user picks one (<c>--arch</c>).</summary>
    public Rtl.CoreArch DefaultArch { get; init; } = Rtl.CoreArch.Fast;

    /// <summary>
    /// The core clock a build asks for when the user gives no <c>--freq</c>, per architecture: a
    /// frequency that architecture's core closes timing at on this device (measured with the
    /// open flow). An architecture not listed runs at the board clock.
    /// </summary>
    public IReadOnlyDictionary<Rtl.CoreArch, double> DefaultClocksMHz { get; init; } = new Dictionary<Rtl.CoreArch, double>();

    /// <summary>The core clock a build of <paramref name="arch"/> asks for without --freq.</summary>
    public double DefaultClockMHz(Rtl.CoreArch arch) => DefaultClocksMHz.TryGetValue(arch, out var mhz) ? mhz : BoardClockMHz;

    /// <summary>The board's clock as "12 MHz".</summary>
    public string BoardClockText => Fmt.MHz(BoardClockMHz);
}
