namespace HwGen.Rtl.Compact;

/// <summary>
/// The compact sampler's timing (hdl-templates/compact/hwgen_sampler.sv.hbs), counted from start_i
/// (cycle 0) to done_o. The logits are read one per cycle from the sampler's logit RAM (registered
/// read): logit c - 1 reaches the maximum in cycle c. Greedy: done in cycle vocab + 1. Sampled: the
/// maximum (cycles 1 .. vocab), one exponential issued every three cycles from cycle vocab + 1 with
/// 9 cycles from the last one's issue to its sum, one cycle to load r * Z, <see cref="SumW"/>
/// multiplier steps, one cycle to load u, then one stored exponential per cycle from token 0, the
/// chosen one's found a cycle later: done in cycle 4 * vocab + 11 + SumW + token.
/// </summary>
/// <param name="Vocab">The vocabulary size.</param>
/// <param name="SumW">Bits of the exponentials' sum Z (the serial multiplier's steps for r * Z).</param>
/// <param name="ReadyCycles">Cycles from seed_load_i (cycle 0) until the per-sample work (the seed's
/// MurmurHash3 mix, LAMBDA and the first xorshift32 draw) is done: start_i may come in that cycle or
/// later. A sampled token draws the next r after its r * Z, so the next start_i may also come no
/// earlier than ReadyCycles after its done_o (the core starts a whole step between the two).</param>
public sealed record CompactSamplerTiming(int Vocab, int SumW, int ReadyCycles) : ISamplerTiming
{
    /// <summary>The cycle of done_o for a sampled token 0.</summary>
    public int SampledBase => 2 * Vocab + 12 + SumW;

    /// <inheritdoc />
    public int Cycles(bool greedy, int token) => greedy ? 1 : SampledBase + token;
}
