namespace HwGen.Verification;

/// <summary>The outcome of comparing the hardware's samples with the reference's, value by value.</summary>
/// <param name="Samples">Samples compared.</param>
/// <param name="Tokens">Tokens the reference emitted over all samples.</param>
/// <param name="Steps">Steps (positions fed) the reference computed over all samples.</param>
/// <param name="LogitsCompared">Logit codes compared with equality.</param>
/// <param name="Mismatches">Values that differ: logit codes, tokens, and one for each step or token one side has and the other has not.</param>
/// <param name="MismatchedSamples">Samples with at least one mismatch.</param>
/// <param name="FirstDivergence">The first difference in sample order, then step order; null when all agree.</param>
public sealed record VerificationReport(
    int Samples,
    int Tokens,
    int Steps,
    long LogitsCompared,
    long Mismatches,
    int MismatchedSamples,
    Divergence? FirstDivergence)
{
    /// <summary>True when every token and every logit code agree.</summary>
    public bool Passed => Mismatches == 0;
}
