using System.Globalization;
using HwGen.Numerics;
using HwGen.Quantization;
using static HwGen.Rtl.SvLiteral;

namespace HwGen.Rtl;

/// <summary>
/// The view model of hdl-templates/hwgen_sampler.sv.hbs: every width, bound and constant of the
/// sampler, computed from the numerics plan and the lanes setting. The Exp2 and Recip widths are
/// those RtlGenerator gives hwgen_exp2 and hwgen_recip.
/// </summary>
/// <remarks>
/// The exp argument <c>ShiftRoundHalfUp((L_i - L_max) * LAMBDA, s)</c> has s = ExpShiftBase + bT with
/// bT = flog2(T) in 0 .. 15 (T is 16 bits): the template pre-shifts the product left by
/// <see cref="PreShift"/> so that the shift it applies, <see cref="ShiftBase"/> + bT, is at least 1.
/// One multiplier of 32 x <see cref="MulBW"/> bits does r * Z and, after a seed load, MurmurHash3's
/// two multiplies (cycles 1 and 3) and LAMBDA (cycle 2, ready in cycle 3 as before: the shortest step
/// hwgen_core allows assumes it): the PRNG state is ready <see cref="ReadyCycles"/> cycles after the
/// load, before the earliest draw (docs/hardware.md).
/// </remarks>
public sealed record SamplerView(
    int TokW, int TokMsb, int VocabSize, int LastToken, int LogitBusMsb,
    int Width, int Chunks, int LastWidth, int RowShift, int ChunkW, int ChunkMsb, int LastChunk,
    int ExpW, int SamplerSumW, int ExpArgW, int LambdaW, int LambdaLoMsb, bool LambdaHi,
    int ProductW, int PreShift, int ShiftBase,
    int MulBW, int ReadyCycles,
    int LambdaShift, int Log2E, int RecipInW, int RecipInMsb, int RecipOutMsb, string ZeroSeedHex)
{
    /// <summary>The view for <paramref name="plan"/> at <paramref name="lanes"/> lanes.</summary>
    public static SamplerView For(NumericsPlan plan, int lanes)
    {
        var c = plan.Config;
        var t = plan.Tables;
        var accs = plan.Accumulators().ToDictionary(a => a.Name, a => a.Bits);
        var timing = SamplerTiming.For(c.VocabSize, lanes);
        var tokW = IndexWidth(c.VocabSize);
        var chunkW = IndexWidth(timing.Chunks);

        var expW = BitLength(ExpTable.Generate(t.ExpIndexBits, t.ExpFracBits).Max());
        var sumW = accs["sampler_sum"];
        var recipInW = Math.Max(Math.Max(accs["softmax_sum"], sumW), 16);
        var recipOutW = t.RecipFracBits + 2;
        // hwgen_exp2's port width (RtlGenerator), from LAMBDA's bound by widths.
        var expArgW = 17 + Math.Max(BitLength(NonlinearUnits.Log2E) + recipOutW - NumericsPlan.LambdaShift, BitLength(NonlinearUnits.Log2E)) + 3;
        // LAMBDA's exact width: its largest value over every temperature code.
        var units = new NonlinearUnits(t);
        long maxLambda = 1;
        for (var code = 1; code <= ushort.MaxValue; code++)
            maxLambda = Math.Max(maxLambda, (NonlinearUnits.Log2E * units.Reciprocal(code, out _)) >> NumericsPlan.LambdaShift);
        var lambdaW = BitLength(maxLambda);

        var logitFrac = plan.Format(Reference.ActivationSite.Logits, -1).FracBits;
        var expShiftBase = logitFrac + t.RecipFracBits - 11 - t.ExpIndexBits;
        var preShift = Math.Max(0, 1 - expShiftBase);
        var productW = 16 + lambdaW + preShift;
        var shiftBase = expShiftBase + preShift;
        if (shiftBase - 1 >= productW)
            throw new HwGenException($"The sampler's exp shift ({expShiftBase}) drops every bit of the {productW}-bit product |L_i - L_max| * LAMBDA. Use a logit format with fewer fraction bits.");

        var mulBW = Math.Max(32, sumW);

        return new SamplerView(
            TokW: tokW, TokMsb: tokW - 1, VocabSize: c.VocabSize, LastToken: c.VocabSize - 1, LogitBusMsb: 16 * c.VocabSize - 1,
            Width: timing.Width, Chunks: timing.Chunks, LastWidth: c.VocabSize - (timing.Chunks - 1) * timing.Width,
            RowShift: CeilLog2(16L * timing.Width),
            ChunkW: chunkW, ChunkMsb: chunkW - 1, LastChunk: timing.Chunks - 1,
            ExpW: expW, SamplerSumW: sumW, ExpArgW: expArgW, LambdaW: lambdaW,
            LambdaLoMsb: Math.Min(lambdaW, 16) - 1, LambdaHi: lambdaW > 16,
            ProductW: productW, PreShift: preShift, ShiftBase: shiftBase,
            MulBW: mulBW, ReadyCycles: 4,
            LambdaShift: NumericsPlan.LambdaShift, Log2E: NonlinearUnits.Log2E,
            RecipInW: recipInW, RecipInMsb: recipInW - 1, RecipOutMsb: recipOutW - 1,
            ZeroSeedHex: NumericsPlan.ZeroSeedState.ToString("x8", CultureInfo.InvariantCulture));
    }
}
