using HwGen.Tools;

namespace HwGen.Simulation;

/// <summary>One finished simulation: the parsed results, the build used and how long the program ran.</summary>
/// <param name="Results">Every sample's tokens, cycles and logits.</param>
/// <param name="Build">The compiled harness (fresh or from the cache).</param>
/// <param name="RunTime">Wall-clock time of the simulation program.</param>
/// <param name="WorkDirectory">Where the stimulus, results and log files are.</param>
public sealed record SimulationRun(SimulationResults Results, VerilatorBuild Build, TimeSpan RunTime, string WorkDirectory)
{
    /// <summary>Simulated tokens per second of wall-clock time (the program's run, not the build).</summary>
    public double TokensPerSecond => RunTime.TotalSeconds > 0 ? Results.TokenCount / RunTime.TotalSeconds : 0;

    /// <summary>Simulated clock cycles per second of wall-clock time.</summary>
    public double CyclesPerSecond => RunTime.TotalSeconds > 0 ? Results.TotalCycles / RunTime.TotalSeconds : 0;
}
