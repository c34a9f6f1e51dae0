namespace HwGen.Exploration;

/// <summary>The comparison of a point's simulated samples with the golden model, value by value.</summary>
/// <param name="Samples">Samples compared.</param>
/// <param name="Tokens">Tokens the golden model emitted.</param>
/// <param name="LogitsCompared">Logit codes compared with equality.</param>
/// <param name="Mismatches">Values that differ (0 for a passing point).</param>
/// <param name="FirstDivergence">The first difference, as text; null when all agree.</param>
public sealed record VerifySummary(int Samples, int Tokens, long LogitsCompared, long Mismatches, string? FirstDivergence)
{
    /// <summary>True when every token and logit code agree.</summary>
    public bool Passed => Mismatches == 0;
}
