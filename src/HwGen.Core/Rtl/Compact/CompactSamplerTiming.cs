namespace HwGen.Rtl.Compact;

/// <summary>
/// The compact sampler's timing (hdl-templates/compact/hwgen_sampler.sv.hbs), counted from start_i
/// (cycle 0) to done_o. The maximum and its index are taken as the step writes the logits, so greedy
/// is done in cycle 1. Sampled: logit i is read from the logit RAM and issued to the exponentials in
/// cycle i + 1, its e_i summed 7 cycles later (the last one's a cycle before the first of <see cref="RzSteps"/>
/// multiplier steps for u = (r * Z) &gt;&gt; 32), then a binary search of the stored running sums, one probe per
/// cycle, clog2(vocab) probes: done in cycle vocab + 8 + RzSteps + clog2(vocab),
/// whatever the token, counted from the cycle after the set's last logit write: the exponentials and
/// r * Z start there without start_i (only the search waits for it), so with start_i
/// <see cref="LastWriteGap"/> cycles after that write, done_o comes LastWriteGap - 1 cycles sooner.
/// </summary>
/// <param name="Vocab">The vocabulary size.</param>
/// <param name="SumW">Bits of the exponentials' sum Z (the serial multiplier takes two per step of r * Z).</param>
/// <param name="ReadyCycles">Cycles from seed_load_i (cycle 0) until the per-sample work (the seed's
/// MurmurHash3 mix, LAMBDA and the first xorshift32 draw) is done: start_i may come in that cycle or
/// later. A sampled token draws the next r after its r * Z, so the next start_i may also come no
/// earlier than ReadyCycles after its done_o (the core starts a whole step between the two).</param>
/// <param name="LastWriteGap">Cycles from the last logit write of a step to its start_i (the step's done
/// cycle): 1 when start_i comes right after the last write.</param>
public sealed record CompactSamplerTiming(int Vocab, int SumW, int ReadyCycles, int LastWriteGap = 1) : ISamplerTiming
{
    /// <summary>
    /// The serial multiplier's steps for u = (r * Z) &gt;&gt; 32, radix 4: r * Z = (Z &amp; 1) * r + (Z &gt;&gt; 1) * 2r,
    /// the first term preloaded, one Booth digit (-1 .. 2) of Z &gt;&gt; 1 &lt; 2^(SumW - 1) per step; ceil(SumW / 2)
    /// digits leave no carry out of the last.
    /// </summary>
    public int RzSteps => Math.Max(1, (SumW + 1) / 2);

    /// <summary>The cycle of done_o for a sampled token 0.</summary>
    public int SampledBase => Vocab + 8 + RzSteps + SvLiteral.IndexWidth(Vocab);

    /// <inheritdoc />
    public int Cycles(bool greedy, int token) =>
        greedy ? 1 : Math.Max(SampledBase - (LastWriteGap - 1), SvLiteral.IndexWidth(Vocab) + 1);
}
