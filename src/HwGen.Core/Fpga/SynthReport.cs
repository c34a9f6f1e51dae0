namespace HwGen.Fpga;

/// <summary>How many of one device resource a design uses.</summary>
/// <param name="Name">The resource, e.g. "LC", "EBR", "DSP".</param>
/// <param name="Used">How many the design uses.</param>
/// <param name="Available">How many the device has.</param>
/// <param name="Source">Where the count comes from: "nextpnr" (placed design) or "yosys" (synthesised netlist).</param>
public sealed record ResourceUse(string Name, int Used, int Available, string Source)
{
    /// <summary>Used as a percentage of available (0 when the device has none).</summary>
    public double Percent => Available == 0 ? 0 : Math.Round(100.0 * Used / Available, 1);
}

/// <summary>The core clock of the build.</summary>
/// <param name="RequestedMhz">The frequency asked for.</param>
/// <param name="ClockMhz">The frequency the core runs at.</param>
/// <param name="Pll">The PLL's dividers as "DIVR 0, DIVF 63, DIVQ 4, FILTER_RANGE 1", or null without PLL.</param>
public sealed record ClockReport(double RequestedMhz, double ClockMhz, string? Pll);

/// <summary>What the timing analysis says.</summary>
/// <param name="FmaxMhz">The highest clock frequency the routed design supports.</param>
/// <param name="TargetMhz">The frequency it was placed and routed for.</param>
/// <param name="Met">True when <paramref name="FmaxMhz"/> reaches <paramref name="TargetMhz"/>.</param>
/// <param name="CriticalPath">The path that sets <paramref name="FmaxMhz"/>, when the tool reports one.</param>
public sealed record TimingReport(double FmaxMhz, double TargetMhz, bool Met, Tools.CriticalPath? CriticalPath = null);

/// <summary>Simulated clock cycles per generated token (the core alone, its token stream never stalled).</summary>
/// <param name="Samples">Samples simulated.</param>
/// <param name="Tokens">Tokens they emitted.</param>
/// <param name="Mean">Mean cycles per token.</param>
/// <param name="Min">Fewest cycles for one token.</param>
/// <param name="Max">Most cycles for one token.</param>
public sealed record CycleReport(int Samples, int Tokens, double Mean, long Min, long Max);

/// <summary>
/// The result of <c>hwgen synth</c>: the board and model, the clock, the device resources used,
/// where the weights landed, the timing, the simulated cycles per token and the throughput.
/// Figures from yosys alone for a vendor target are estimates (<see cref="Estimate"/>).
/// </summary>
/// <param name="Target">The --target name.</param>
/// <param name="Board">The board.</param>
/// <param name="Device">The device part.</param>
/// <param name="Model">What the core was generated from.</param>
/// <param name="Lanes">The core's MAC lanes.</param>
/// <param name="Estimate">True when the resources are yosys' estimate for a vendor flow that did not run here.</param>
/// <param name="Clock">The core clock.</param>
/// <param name="Uart">The UART as "115200 baud (divisor 104, +0.16%)".</param>
/// <param name="Resources">The device resources used.</param>
/// <param name="Weights">Where the weights landed.</param>
/// <param name="Timing">nextpnr's timing verdict; null when no place and route ran.</param>
/// <param name="CyclesPerToken">The simulated cycles per token; null when not simulated.</param>
/// <param name="TokensPerSecond">Fmax / mean cycles per token; null without both.</param>
/// <param name="TokensPerSecondAtClock">The core clock / mean cycles per token (what the board runs at); null when not simulated.</param>
/// <param name="Out">The output folder.</param>
/// <param name="Files">The main files in it (bitstream or project, report, logs).</param>
/// <param name="Notes">What the user should know: a missed timing target, a vendor tool to run.</param>
/// <param name="Arch">The core's architecture: "fast" or "compact".</param>
public sealed record SynthReport(
    string Target,
    string Board,
    string Device,
    string Model,
    int Lanes,
    bool Estimate,
    ClockReport Clock,
    string Uart,
    IReadOnlyList<ResourceUse> Resources,
    WeightPlacement Weights,
    TimingReport? Timing,
    CycleReport? CyclesPerToken,
    double? TokensPerSecond,
    double? TokensPerSecondAtClock,
    string Out,
    IReadOnlyList<string> Files,
    IReadOnlyList<string> Notes,
    string Arch = "fast")
{
    /// <summary>The report's file name in the output folder.</summary>
    public const string FileName = "report.json";
}
