namespace HwGen.Simulation;

/// <summary>A parsed results file: every sample in stimulus order and the cycle count at the end.</summary>
public sealed record SimulationResults(IReadOnlyList<SampleResult> Samples, long TotalCycles)
{
    /// <summary>Number of tokens emitted over all samples.</summary>
    public int TokenCount => Samples.Sum(s => s.Tokens.Count);

    /// <summary>Cycles per emitted token over all samples (see <see cref="SampleResult.TokenLatencies"/>).</summary>
    public CycleStatistics CyclesPerToken => CycleStatistics.Of(Samples.SelectMany(s => s.TokenLatencies()));
}
