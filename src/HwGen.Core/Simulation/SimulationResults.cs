namespace HwGen.Simulation;

/// <summary>A parsed results file: every sample in stimulus order and the cycle count at the end.</summary>
public sealed record SimulationResults(IReadOnlyList<SampleResult> Samples, long TotalCycles)
{
    /// <summary>Number of tokens emitted over all samples.</summary>
    public int TokenCount => Samples.Sum(s => s.Tokens.Count);

    /// <summary>Cycles per emitted token over all samples (see <see cref="SampleResult.TokenLatencies"/>).</summary>
    public CycleStatistics CyclesPerToken => CycleStatistics.Of(Samples.SelectMany(s => s.TokenLatencies()));

    /// <summary>The text of each sample the hardware generated, its prompt included, in stimulus order.</summary>
    public IReadOnlyList<string> Names(Model.ModelConfig config, IReadOnlyList<SampleStimulus> stimulus)
    {
        var vocab = new Model.Vocabulary(config);
        return Samples.Select((s, i) => vocab.Decode(stimulus[i].Prompt.Concat(s.TokenValues))).ToArray();
    }
}
