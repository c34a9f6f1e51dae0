using HwGen.Reporting;

namespace HwGen.Exploration;

/// <summary>A design's published figures, shown beside the explored points for comparison (never measured here).</summary>
/// <param name="Design">The design.</param>
/// <param name="Device">The device family it was published for.</param>
/// <param name="FmaxMhz">Its published clock.</param>
/// <param name="CyclesPerToken">Its published cycles per token (approximate).</param>
/// <param name="TokensPerSecond">Its published tokens/s.</param>
/// <param name="Alms">Its published Cyclone V ALMs.</param>
/// <param name="Dsps">Its published DSP blocks.</param>
/// <param name="Label">How the figures are labelled wherever they are shown.</param>
public sealed record PublishedReference(string Design, string Device, double FmaxMhz, double CyclesPerToken, double TokensPerSecond, int Alms, int Dsps, string Label)
{
    /// <summary>TALOS-V2 (Cyclone V, 56.25 MHz, ~1,000 cycles/token, 53,000 tokens/s, 25,851 ALMs, 38 DSPs), as <see cref="RunReport.TalosV2"/>.</summary>
    public static PublishedReference TalosV2 { get; } = new(
        "TALOS-V2", "Cyclone V", RunReport.TalosV2.FmaxMhz!.Value, RunReport.TalosV2.CyclesPerToken, RunReport.TalosV2.TokensPerSecond!.Value,
        25_851, 38, "published figures");

    /// <summary>Published tokens/s per ALM.</summary>
    public double TokensPerSecondPerAlm => TokensPerSecond / Alms;
}
