namespace HwGen.Simulation;

/// <summary>What the simulated core did for one sample (docs/hardware.md, "Results file").</summary>
/// <param name="Id">The sample's id, as in the stimulus.</param>
/// <param name="StartCycle">The cycle of the start transfer.</param>
/// <param name="DoneCycle">The cycle of the done pulse.</param>
/// <param name="Tokens">The emitted tokens with their cycles, in order.</param>
/// <param name="Logits">Each step's logit codes (signed 16-bit, in the logits format), one entry per position fed, in position order.</param>
/// <param name="Stages">Each step's cycles by <c>dbg_stage_o</c> code (codes ascending, only those seen), one entry per position fed;
/// together they cover every cycle from the start transfer to the done pulse.</param>
public sealed record SampleResult(
    int Id,
    long StartCycle,
    long DoneCycle,
    IReadOnlyList<EmittedToken> Tokens,
    IReadOnlyList<IReadOnlyList<int>> Logits,
    IReadOnlyList<IReadOnlyList<StageCycles>> Stages)
{
    /// <summary>The cycles of stage <paramref name="code"/> at step <paramref name="step"/>; 0 when the core never showed it.</summary>
    public long StageCyclesAt(int step, int code) => Stages[step].FirstOrDefault(s => s.Code == code)?.Cycles ?? 0;

    /// <summary>The emitted tokens without their cycles.</summary>
    public IReadOnlyList<int> TokenValues => Tokens.Select(t => t.Token).ToArray();

    /// <summary>
    /// Cycles each token took: from the start transfer to the first token, then from each token
    /// to the next. Empty when nothing was emitted.
    /// </summary>
    public IEnumerable<long> TokenLatencies()
    {
        var previous = StartCycle;
        foreach (var t in Tokens)
        {
            yield return t.Cycle - previous;
            previous = t.Cycle;
        }
    }
}
