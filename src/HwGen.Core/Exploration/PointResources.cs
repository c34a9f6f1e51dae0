using HwGen.Fpga;

namespace HwGen.Exploration;

/// <summary>
/// What a point needs of a device: yosys' counts for the target (an estimate unless nextpnr placed
/// the design), whether that fits, and nextpnr's Fmax where it ran (iCE40, only when the design fits).
/// </summary>
/// <param name="Target">The --target name.</param>
/// <param name="Device">The device part.</param>
/// <param name="Estimate">True when the counts are yosys' synthesis estimate (no place and route ran).</param>
/// <param name="Resources">The device resources used, in the target's order; the first is its logic unit (LC, LUT, ALUT).</param>
/// <param name="Fits">True when no resource is over the device's total.</param>
/// <param name="FmaxMhz">nextpnr's maximum frequency; null where nextpnr did not run.</param>
/// <param name="WeightPlacement">Where yosys put the weights ("BRAM", "LUT ROM", ...).</param>
/// <param name="Note">Why there is no Fmax, when there is none.</param>
public sealed record PointResources(
    string Target,
    string Device,
    bool Estimate,
    IReadOnlyList<ResourceUse> Resources,
    bool Fits,
    double? FmaxMhz,
    string WeightPlacement,
    string? Note)
{
    /// <summary>The logic unit's use (the target's first resource).</summary>
    public ResourceUse Logic => Resources[0];
}
