namespace HwGen.Simulation;

/// <summary>One row of a stage breakdown: the cycles all samples spent in one stage.</summary>
/// <param name="Stage">The stage's name (the generator's schedule, or a core phase).</param>
/// <param name="Code">Its <c>dbg_stage_o</c> code.</param>
/// <param name="Cycles">Cycles over all samples.</param>
/// <param name="PerToken">Cycles per emitted token (<paramref name="Cycles"/> / tokens).</param>
/// <param name="PerStep">Cycles per step (<paramref name="Cycles"/> / steps).</param>
/// <param name="Share">Fraction of all the samples' cycles, 0 to 1.</param>
public sealed record StageFigure(string Stage, int Code, long Cycles, double PerToken, double PerStep, double Share);

/// <summary>
/// Where the simulated cycles went, stage by stage (docs/hardware.md, <c>dbg_stage_o</c>): every
/// step's record summed over all samples, in code order (the program, then the core's phases).
/// </summary>
public static class StageBreakdown
{
    /// <summary>The rows of <paramref name="results"/>, named by <paramref name="name"/>.</summary>
    public static IReadOnlyList<StageFigure> Of(SimulationResults results, Func<int, string> name)
    {
        var totals = new SortedDictionary<int, long>();
        var steps = 0;
        foreach (var step in results.Samples.SelectMany(s => s.Stages))
        {
            steps++;
            foreach (var c in step)
                totals[c.Code] = totals.GetValueOrDefault(c.Code) + c.Cycles;
        }
        var all = totals.Values.Sum();
        var tokens = results.TokenCount;
        return totals.Select(t => new StageFigure(name(t.Key), t.Key, t.Value,
            tokens > 0 ? (double)t.Value / tokens : 0, steps > 0 ? (double)t.Value / steps : 0, all > 0 ? (double)t.Value / all : 0)).ToArray();
    }
}
