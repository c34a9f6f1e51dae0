namespace HwGen.Exploration;

/// <summary>
/// The outcome of one point (one lanes value): its short verify, the cycles per token the schedule
/// predicts and the simulation measured, the resource estimate, and the throughput figures.
/// </summary>
/// <param name="Lanes">The point's MAC lanes.</param>
/// <param name="Passed">True when the point was verified bit-exact and measured; false marks a failed point.</param>
/// <param name="Failure">Why the point failed (a mismatch, a tool failure); null when it passed.</param>
/// <param name="PredictedCyclesPerToken">Mean cycles per token that <c>RtlSchedule.Predict</c> gives for the throughput samples (from the golden model's tokens), before any simulation.</param>
/// <param name="CyclesPerToken">Mean simulated cycles per generated token over the throughput samples; null when not simulated.</param>
/// <param name="MinCycles">Fewest simulated cycles for one token.</param>
/// <param name="MaxCycles">Most simulated cycles for one token.</param>
/// <param name="Tokens">Tokens the throughput samples emitted.</param>
/// <param name="PredictionExact">True when every simulated token cycle equals the predicted one; null when not simulated.</param>
/// <param name="Verify">The short verify (mixed samples); null when the point failed before it.</param>
/// <param name="ThroughputCheck">The throughput samples compared with the golden model too; null when not simulated.</param>
/// <param name="Resources">The resource estimate; null without --target or when the point failed first.</param>
/// <param name="TokensPerSecond">Fmax / mean cycles per token; null without an Fmax.</param>
/// <param name="TokensPerSecondPerLogic">Tokens/s per logic unit (LC, LUT or ALUT); null without tokens/s.</param>
/// <param name="Pareto">True when no other passed point is at least as good in cycles per token and logic units and better in one.</param>
/// <param name="FromCache">True when the result was read from the cache instead of evaluated in this run.</param>
/// <param name="Seconds">Wall-clock seconds the evaluation took (when it was evaluated).</param>
/// <param name="Key">The cache key: a hash of the model, the settings, the tools and the generated design's files.</param>
public sealed record PointResult(
    int Lanes,
    bool Passed,
    string? Failure,
    double PredictedCyclesPerToken,
    double? CyclesPerToken,
    long? MinCycles,
    long? MaxCycles,
    int Tokens,
    bool? PredictionExact,
    VerifySummary? Verify,
    VerifySummary? ThroughputCheck,
    PointResources? Resources,
    double? TokensPerSecond,
    double? TokensPerSecondPerLogic,
    bool Pareto,
    bool FromCache,
    double Seconds,
    string Key)
{
    /// <summary>
    /// Why the resource estimate is missing although the point passed (yosys or nextpnr failed or ran past its limit);
    /// null when there is an estimate or none was asked for. Such a result is not cached, so the next run tries again.
    /// </summary>
    public string? ResourceFailure { get; init; }

    /// <summary>A point that failed with <paramref name="failure"/>, keeping what was measured before.</summary>
    public static PointResult Failed(int lanes, double predicted, string failure, string key, VerifySummary? verify = null) =>
        new(lanes, false, failure, predicted, null, null, null, 0, null, verify, null, null, null, null, false, false, 0, key);
}
