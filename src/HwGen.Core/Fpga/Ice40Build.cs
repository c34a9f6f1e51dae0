using HwGen.Tools;

namespace HwGen.Fpga;

/// <summary>A finished iCE40 build: synthesis, place and route, and the bitstream.</summary>
/// <param name="Synthesis">yosys' result.</param>
/// <param name="PlaceAndRoute">nextpnr's result (utilisation, Fmax) of the placement that was packed.</param>
/// <param name="Bitstream">The .bin file.</param>
/// <param name="Resources">The device resources used: nextpnr's counts where it reports the resource, else yosys'.</param>
public sealed record Ice40Build(YosysSynthesisResult Synthesis, NextpnrResult PlaceAndRoute, string Bitstream, IReadOnlyList<ResourceUse> Resources)
{
    /// <summary>Every placement tried when more than one placer seed was asked for, in seed order; empty after one placement.</summary>
    public IReadOnlyList<PlacerSeedResult> PlacerSeeds { get; init; } = [];

    /// <summary>The seed of the placement that was packed (the highest Fmax, the lowest seed on a tie); null after one placement with nextpnr's default seed.</summary>
    public int? KeptSeed { get; init; }
}

/// <summary>One placement of a seed sweep.</summary>
/// <param name="Seed">nextpnr's --seed.</param>
/// <param name="FmaxMHz">The Fmax it reached; null when nextpnr reported no clock.</param>
public sealed record PlacerSeedResult(int Seed, double? FmaxMHz);
