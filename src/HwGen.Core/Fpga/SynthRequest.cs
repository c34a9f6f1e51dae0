namespace HwGen.Fpga;

/// <summary>What <c>hwgen synth</c> builds.</summary>
/// <param name="Core">The core.</param>
/// <param name="Target">The board.</param>
/// <param name="FrequencyMHz">The core clock asked for; the board clock when null.</param>
/// <param name="Baud">The UART baud rate.</param>
/// <param name="Loop">What the board's start loop feeds the core.</param>
/// <param name="OutDir">The output folder (replaced as a whole when the build succeeds).</param>
/// <param name="PlacerSeed">nextpnr's placer seed; its default when null.</param>
public sealed record SynthRequest(CoreDesign Core, FpgaTarget Target, double? FrequencyMHz, int Baud, SampleLoop Loop, string OutDir, int? PlacerSeed = null);
