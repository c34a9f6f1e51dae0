using HwGen.Tools;

namespace HwGen.Fpga;

/// <summary>A finished iCE40 build: synthesis, place and route, and the bitstream.</summary>
/// <param name="Synthesis">yosys' result.</param>
/// <param name="PlaceAndRoute">nextpnr's result (utilisation, Fmax).</param>
/// <param name="Bitstream">The .bin file.</param>
/// <param name="Resources">The device resources used: nextpnr's counts where it reports the resource, else yosys'.</param>
public sealed record Ice40Build(YosysSynthesisResult Synthesis, NextpnrResult PlaceAndRoute, string Bitstream, IReadOnlyList<ResourceUse> Resources);
