namespace HwGen.Tools;

/// <summary>One nextpnr-ice40 place and route.</summary>
/// <param name="Netlist">yosys' JSON netlist.</param>
/// <param name="Pcf">The pin constraints.</param>
/// <param name="AscOutput">Where to write the placed and routed design (text, for icepack).</param>
/// <param name="Device">The device option without dashes: "up5k", "hx8k", "lp1k" ...</param>
/// <param name="Package">The package, e.g. "sg48".</param>
/// <param name="FrequencyMHz">The target clock frequency, or null for nextpnr's default.</param>
/// <param name="Seed">The placer's seed, or null for nextpnr's default (fixed, so runs repeat).</param>
/// <param name="AllowTimingFailure">Finish and report even when the target frequency is not met.</param>
public sealed record NextpnrIce40Spec(
    string Netlist,
    string Pcf,
    string AscOutput,
    string Device = "up5k",
    string Package = "sg48",
    double? FrequencyMHz = null,
    int? Seed = null,
    bool AllowTimingFailure = false);
