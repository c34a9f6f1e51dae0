using System.Globalization;
using HwGen.Numerics;
using HwGen.Quantization;
using HwGen.Reference;
using static HwGen.Rtl.SvLiteral;

namespace HwGen.Rtl.Compact;

/// <summary>
/// The view model of hdl-templates/compact/hwgen_sampler.sv.hbs: every width, shift and constant of
/// the compact sampler, from the numerics plan and its tables.
/// </summary>
/// <remarks>
/// The exp argument <c>ShiftRoundHalfUp((L_i - L_max) * LAMBDA, s)</c> has s = ExpShiftBase + bT
/// (bT = flog2(T) in 0 .. 15); the product is pre-shifted left by <see cref="PreShift"/> so that the
/// shift the template applies, <see cref="ShiftBase"/> + bT, is at least 1. |w| is kept in
/// <see cref="QW"/> bits: beyond, k = ceil(|w| / 2^Ie) reaches the exp entries' width and Exp2 is 0.
/// The reciprocal's table entries are in a block RAM of their own (<see cref="RecipMemFile"/>).
/// </remarks>
public sealed record CompactSamplerView(
    int TokW, int TokMsb, int VocabSize, int LastToken,
    int LambdaW, int ProductW, int PreShift, int ShiftBase, bool HasSticky0, int QW,
    int ExpIndexBits, int ExpW, int ExpDepth, string ExpMemFile, int StoreDepth, int StoreW, bool WideStore, int SumW, int RzSteps, int RzLast, int USh,
    int FirstProbe, int ProbeLast, int AuxW,
    int RecipIndexBits, int RecipFracBits, int RecipW, int RecipDepth, string RecipMemFile,
    int Log2E, int LambdaShift, string ZeroSeedHex, int GreedyCycles, int SampledBase, int ReadyCycles, CompactSamplerTiming Timing)
{
    /// <summary>The fraction bits of the reciprocal estimate the template assumes: mq is T normalized to 16 bits.</summary>
    public const int SupportedRecipFracBits = 15;

    /// <summary>The view for <paramref name="plan"/>.</summary>
    /// <exception cref="HwGenException">The plan's tables or logit format are not ones this sampler supports.</exception>
    public static CompactSamplerView For(NumericsPlan plan)
    {
        var c = plan.Config;
        var t = plan.Tables;
        string Unsupported(string what) =>
            $"The compact sampler does not support the plan's tables {t}: {what}. Build the plan with TableParameters.Compact (--arch compact does).";
        if (t.RecipFracBits != SupportedRecipFracBits)
            throw new HwGenException(Unsupported($"its reciprocal takes the temperature normalized to 16 bits, which needs RecipFracBits {SupportedRecipFracBits}, not {t.RecipFracBits}"));
        if (t.RecipIndexBits > 14)
            throw new HwGenException(Unsupported($"RecipIndexBits {t.RecipIndexBits} leaves no bit of the 16-bit mantissa below the table index (at most 14)"));
        var exp = ExpTable.Generate(t.ExpIndexBits, t.ExpFracBits);
        var expW = BitLength(exp.Max());
        if (expW > 16)
            throw new HwGenException(Unsupported($"its exp table entries have {expW} bits; the block RAM words have 16 (ExpFracBits at most 15)"));
        if (c.VocabSize < 2)
            throw new HwGenException($"The compact sampler needs a vocabulary of at least 2 tokens; the model has {c.VocabSize}.");

        var recip = ReciprocalTable.Generate(t.RecipIndexBits, t.RecipFracBits);
        if (recip.Max() >= 1 << t.RecipFracBits)
            throw new HwGenException(Unsupported($"reciprocal table entries reach 2^{t.RecipFracBits}; the sampler's Newton step takes them below it"));

        // LAMBDA's and the reciprocal's exact widths: their largest values over every temperature code.
        var units = new NonlinearUnits(t);
        long maxLambda = 1, maxY1 = 1;
        for (var code = 1; code <= ushort.MaxValue; code++)
        {
            var y1 = units.Reciprocal(code, out _);
            maxY1 = Math.Max(maxY1, y1);
            maxLambda = Math.Max(maxLambda, (NonlinearUnits.Log2E * y1) >> NumericsPlan.LambdaShift);
        }
        var lambdaW = BitLength(maxLambda);
        var auxW = Math.Max(16, Math.Max(BitLength(maxY1), BitLength(recip.Max())));
        // Z's exact width: every e_i is at most Exp2(0) = 2^Fe, the largest Exp2 output (a step down in w
        // halves the entry of the next-larger fraction, which is below 2^(Fe + 1)).
        var sumW = BitLength(c.VocabSize * (long)units.Exp2(0));
        if (sumW > 32)
            throw new HwGenException($"The compact sampler's sum of exponentials has {sumW} bits; its serial multiplier takes at most 32. Use a smaller vocabulary.");

        var logitFrac = plan.Format(ActivationSite.Logits, -1).FracBits;
        var expShiftBase = logitFrac + t.RecipFracBits + NonlinearUnits.Log2EFracBits - Golden.Temperature.FracBits - NumericsPlan.LambdaShift - t.ExpIndexBits;
        var preShift = Math.Max(0, 1 - expShiftBase);
        var productW = 16 + lambdaW + preShift;
        var shiftBase = expShiftBase + preShift;
        if (shiftBase - 1 >= productW)
            throw new HwGenException($"The sampler's exp shift ({expShiftBase}) drops every bit of the {productW}-bit product |L_i - L_max| * LAMBDA. Use a logit format with fewer fraction bits.");
        var qw = t.ExpIndexBits + CeilLog2(expW);

        var tokW = IndexWidth(c.VocabSize);
        // The seed's load (1), x ^ x >> 16 (1), two 16-step mixes (radix 4; each with its cycle to take the product), 15 steps
        // of normalization, the table read, three 16-step multiplies (each after its load), LAMBDA taken, the first draw (64).
        var ready = 1 + 1 + 16 + 1 + 16 + 1 + 15 + 1 + 1 + 16 + 1 + 16 + 1 + 16 + 1 + 64;
        var timing = new CompactSamplerTiming(c.VocabSize, sumW, ready);
        return new CompactSamplerView(
            TokW: tokW, TokMsb: tokW - 1, VocabSize: c.VocabSize, LastToken: c.VocabSize - 1,
            LambdaW: lambdaW, ProductW: productW, PreShift: preShift, ShiftBase: shiftBase,
            HasSticky0: shiftBase >= 2, QW: qw,
            ExpIndexBits: t.ExpIndexBits, ExpW: expW, ExpDepth: exp.Length, ExpMemFile: "cs_exp.mem", StoreDepth: 1 << tokW,
            StoreW: Math.Max(16, sumW), WideStore: sumW > 16, SumW: sumW, RzSteps: timing.RzSteps, RzLast: timing.RzSteps - 1, USh: 32 - 2 * timing.RzSteps,
            FirstProbe: (1 << (tokW - 1)) - 1, ProbeLast: tokW - 1, AuxW: auxW,
            RecipIndexBits: t.RecipIndexBits, RecipFracBits: t.RecipFracBits, RecipW: BitLength(recip.Max()), RecipDepth: recip.Length, RecipMemFile: "cs_recip.mem",
            Log2E: NonlinearUnits.Log2E, LambdaShift: NumericsPlan.LambdaShift,
            ZeroSeedHex: NumericsPlan.ZeroSeedState.ToString("x8", CultureInfo.InvariantCulture),
            GreedyCycles: timing.Cycles(true, 0), SampledBase: timing.SampledBase, ReadyCycles: ready, Timing: timing);
    }
}
