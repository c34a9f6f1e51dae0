namespace HwGen.Fpga;

/// <summary>What <c>hwgen synth</c> builds.</summary>
/// <param name="Core">The core.</param>
/// <param name="Target">The board.</param>
/// <param name="FrequencyMHz">The core clock asked for; the board clock when null.</param>
/// <param name="Baud">The UART baud rate.</param>
/// <param name="Loop">What the board's start loop feeds the core.</param>
/// <param name="OutDir">The output folder (replaced as a whole when the build succeeds).</param>
/// <param name="PlacerSeeds">iCE40: placements tried (seeds 1 to N, the highest Fmax kept); 1 places once with nextpnr's default seed.</param>
public sealed record SynthRequest(CoreDesign Core, FpgaTarget Target, double? FrequencyMHz, int Baud, SampleLoop Loop, string OutDir, int PlacerSeeds = 1);
