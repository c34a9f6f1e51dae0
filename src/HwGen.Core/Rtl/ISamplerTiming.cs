namespace HwGen.Rtl;

/// <summary>How long an architecture's sampler takes to choose a token (part of the cycle model).</summary>
public interface ISamplerTiming
{
    /// <summary>
    /// Cycles from the sampler's start (the cycle the step's logits are taken) to its done pulse, in
    /// which the core emits <paramref name="token"/>.
    /// </summary>
    int Cycles(bool greedy, int token);
}
