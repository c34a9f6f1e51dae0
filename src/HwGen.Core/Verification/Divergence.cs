namespace HwGen.Verification;

/// <summary>
/// The first place where the hardware differs from the reference.
/// </summary>
/// <param name="Sample">The sample id.</param>
/// <param name="Step">The position fed (the step) where it happens.</param>
/// <param name="Output">What differs: "logits", "token", "steps" (number of steps) or "tokens" (number of tokens).</param>
/// <param name="Index">The logit index, or the token's number in the sample; -1 for a count.</param>
/// <param name="Expected">The reference's value.</param>
/// <param name="Actual">The hardware's value.</param>
public sealed record Divergence(int Sample, int Step, string Output, int Index, int Expected, int Actual)
{
    /// <summary>One line such as "sample 3, step 5, logits[12]: expected 1234, actual 1235".</summary>
    public override string ToString() => Output switch
    {
        "logits" => $"sample {Sample}, step {Step}, logits[{Index}]: expected {Expected}, actual {Actual}",
        "token" => $"sample {Sample}, step {Step}, token {Index}: expected {Expected}, actual {Actual}",
        _ => $"sample {Sample}, step {Step}, number of {Output}: expected {Expected}, actual {Actual}",
    };
}
