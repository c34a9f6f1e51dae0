namespace HwGen.Rtl;

/// <summary>
/// The parallel sampler's shape and timing (hwgen_sampler): it reads the step's logits
/// <see cref="Width"/> at a time, in <see cref="Chunks"/> chunks, for the maximum, the exponentials
/// (one hwgen_exp2 per logit of a chunk) with their running sums, and the search for the chosen token.
/// </summary>
/// <param name="Vocab">The vocabulary size.</param>
/// <param name="Width">Logits per cycle: min(lanes, vocab).</param>
public sealed record SamplerTiming(int Vocab, int Width) : ISamplerTiming
{
    /// <summary>The sampler of a design with <paramref name="lanes"/> lanes.</summary>
    public static SamplerTiming For(int vocab, int lanes) => new(vocab, Math.Min(lanes, vocab));

    /// <summary>Chunks of <see cref="Width"/> logits covering the vocabulary.</summary>
    public int Chunks => (Vocab + Width - 1) / Width;

    /// <summary>
    /// Cycles from the sampler's start (the cycle the step's logits are taken) to its done pulse,
    /// in which the core emits the token. Greedy: one cycle per chunk for the maximum (the first
    /// chunk in the start cycle), then done. Sampled: the maximum, the exponentials (one cycle per
    /// chunk and one more for the last results), the draw, then one cycle per chunk up to the one
    /// holding <paramref name="token"/>.
    /// </summary>
    public int Cycles(bool greedy, int token) => greedy ? Chunks : 2 * Chunks + 2 + token / Width;
}
