namespace HwGen.Sampling;

/// <summary>How the next token is chosen from the logits.</summary>
/// <param name="Temperature">Logits are divided by it before the softmax; must be positive unless greedy.</param>
/// <param name="Seed">Seed of the <see cref="XorShift32"/> that draws the tokens.</param>
/// <param name="Greedy">Take the argmax (lowest index on ties) instead of drawing.</param>
public sealed record SamplingOptions(double Temperature = 0.5, int Seed = 42, bool Greedy = false)
{
    /// <summary>Returns the options, or throws <see cref="HwGenException"/> for a temperature that cannot be used.</summary>
    public SamplingOptions Validated()
    {
        if (!Greedy && !(Temperature > 0 && double.IsFinite(Temperature)))
            throw new HwGenException($"temperature {Temperature} must be a positive number; use --greedy for argmax decoding.");
        return this;
    }
}
