using HwGen.Fpga;

namespace HwGen.Exploration;

/// <summary>What an exploration evaluates at every point (every lanes value), and how.</summary>
/// <param name="Lanes">The lane counts to evaluate, in the order given.</param>
/// <param name="Target">The board whose resources yosys estimates; null: no resource estimate.</param>
/// <param name="Samples">Sampled names simulated per point for the mean cycles per token.</param>
/// <param name="VerifySamples">Mixed samples (temperatures 1.0 and 0.5, greedy, prompts, length limits) of each point's short verify.</param>
/// <param name="Seed">The run seed: sample k of either set is seeded with seed + k.</param>
/// <param name="Temperature">The temperature of the throughput samples.</param>
/// <param name="Jobs">Points evaluated at the same time.</param>
/// <param name="Format">The --format rule the numerics plan came from (part of the cache key).</param>
/// <param name="Arch">The core's architecture at every point.</param>
public sealed record ExploreSettings(
    IReadOnlyList<int> Lanes,
    FpgaTarget? Target,
    int Samples = 200,
    int VerifySamples = 20,
    int Seed = 42,
    double Temperature = 0.5,
    int Jobs = 1,
    string Format = "auto",
    Rtl.CoreArch Arch = Rtl.CoreArch.Fast)
{
    /// <summary>Checks the settings; throws <see cref="HwGenException"/> saying what to give instead.</summary>
    public ExploreSettings Validated()
    {
        if (Lanes.Count == 0)
            throw new HwGenException("--lanes lists no lane count; give a comma-separated list of lane counts from 1 to 4096, e.g. --lanes 1,2,4,8.");
        if (Samples < 1)
            throw new HwGenException($"--samples {Samples}: give at least 1 sample per point.");
        if (VerifySamples < 1)
            throw new HwGenException($"--verify-samples {VerifySamples}: give at least 1 sample; every point is verified before it is measured.");
        if (Jobs < 1)
            throw new HwGenException($"--jobs {Jobs}: give 1 or more points to evaluate at the same time.");
        if (!(Temperature > 0) || Temperature > 255)
            throw new HwGenException($"--temperature {Temperature}: give a temperature above 0 and at most 255.");
        return this;
    }
}
