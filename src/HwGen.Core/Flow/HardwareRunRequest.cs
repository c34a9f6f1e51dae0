namespace HwGen.Flow;

/// <summary>What <see cref="HardwareFlow"/> runs: a model, the design's lanes and the samples to simulate.</summary>
/// <param name="ModelPath">The model file (safetensors).</param>
/// <param name="Lanes">MAC lanes of the generated design.</param>
/// <param name="Seed">Sample k is drawn with seed Seed + k.</param>
/// <param name="Samples">How many names the simulated hardware generates.</param>
/// <param name="Temperature">Their sampling temperature.</param>
/// <param name="WorkDirectory">Where the design, stimulus, results and logs go.</param>
/// <param name="Format">The fixed-point format rule: "auto" or one Qm.n everywhere.</param>
/// <param name="Calibration">The calibration corpus for auto formats, or null for sampled names.</param>
/// <param name="Arch">The architecture of the generated design.</param>
public sealed record HardwareRunRequest(
    string ModelPath, int Lanes, int Seed, int Samples, double Temperature, string WorkDirectory,
    string Format = "auto", string? Calibration = null, Rtl.CoreArch Arch = Rtl.CoreArch.Fast);
