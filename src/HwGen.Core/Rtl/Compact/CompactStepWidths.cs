using HwGen.Model;
using HwGen.Numerics;
using HwGen.Quantization;
using HwGen.Reference;
using static HwGen.Rtl.SvLiteral;

namespace HwGen.Rtl.Compact;

/// <summary>
/// The widths of the compact step's sums, from what each op really sums (docs/numerics.md), not from the
/// generic dot-product bound: a weight row's sum from the plan's codes (the sum of its |w| times the largest
/// input code; fc2's inputs are ReLU outputs, 0 or more), a head's scores (head_dim products of two codes),
/// its weighted values (the weights' sum is bounded by the reciprocal unit: about 1), the lanes' scale
/// products x * y1, lane 0's sum of squares plus epsilon and the scalar unit's stream products (the weights
/// e * y1, the scale x * K, the embedding's aligned sum). Every width is of a two's-complement value.
/// </summary>
/// <param name="Drain">The lanes' accumulators and hold chain: every sum a take reads (a pass, the lanes' scale).</param>
/// <param name="Lane0">Lane 0's accumulator: also the sum of squares plus epsilon.</param>
/// <param name="Serial">The serial path's input: the drained sums (a head's scores scaled when head_dim is not a power of 4) and the streams.</param>
public sealed record CompactStepWidths(int Drain, int Lane0, int Serial)
{
    /// <summary>The widths for <paramref name="plan"/> and its program.</summary>
    public static CompactStepWidths Of(NumericsPlan plan, CompactStepProgram program)
    {
        var c = plan.Config;
        var t = plan.Tables;
        const long Min = -32768, Max = 32767;
        var drain = new List<(long Lo, long Hi)>();
        var stream = new List<(long Lo, long Hi)>();

        // y = W x: each row's sum lies between its codes times the inputs' extremes.
        (long Lo, long Hi) Rows(string tensor, long xLo, long xHi)
        {
            var p = plan.Tensor(tensor);
            long lo = 0, hi = 0;
            for (var r = 0; r < p.Rows; r++)
            {
                long rLo = 0, rHi = 0;
                for (var k = 0; k < p.Cols; k++)
                {
                    long w = p.Codes[r * p.Cols + k];
                    rLo += Math.Min(w * xLo, w * xHi);
                    rHi += Math.Max(w * xLo, w * xHi);
                }
                lo = Math.Min(lo, rLo);
                hi = Math.Max(hi, rHi);
            }
            return (lo, hi);
        }
        for (var l = 0; l < c.NLayer; l++)
        {
            foreach (var name in new[] { TensorNames.AttnWq(l), TensorNames.AttnWk(l), TensorNames.AttnWv(l), TensorNames.AttnWo(l), TensorNames.MlpFc1(l) })
                drain.Add(Rows(name, Min, Max));
            drain.Add(Rows(TensorNames.MlpFc2(l), 0, Max));
        }
        drain.Add(Rows(TensorNames.LmHead, Min, Max));

        // A head's scores: head_dim products of two codes.
        var d = (long)c.HeadDim;
        var scores = (Lo: d * Min * Max, Hi: d * Min * Min);
        drain.Add(scores);

        // Weighted values: w_t = Rq(e_t * y1, Fr + b) >= 0 with Z = sum e_t, b = floor(log2 Z), mq = floor(Z 2^(Fr - b))
        // (y1 depends on mq alone), so sum w_t < (mq + 1) y1 2^(Na - 2 Fr) + len (rounding adds less than 1 to each).
        var units = new NonlinearUnits(t);
        var fr = t.RecipFracBits;
        long r = 0, yMax = 0;
        for (var mq = 1L << fr; mq < 1L << (fr + 1); mq++)
        {
            long y1 = units.Reciprocal(mq, out _);
            r = Math.Max(r, (mq + 1) * y1);
            yMax = Math.Max(yMax, y1);
        }
        for (var l = 0; l < c.NLayer; l++)
        {
            var na = plan.Format(ActivationSite.AttnWeights, l).FracBits;
            var sh = 2 * fr - na;
            var sumW = Math.Min((sh >= 0 ? Ceil(r, sh) : r << -sh) + c.BlockSize, c.BlockSize * Max);
            drain.Add((sumW * Min, sumW * Max));
        }

        // The lanes' scale: x * y1, y1 below 2^15 (CompactStepProgram checks it).
        if (program.NscLanes)
            drain.Add((Min * Max, Max * Max));
        else
        {
            // Lane 0's scale: x * K, K = (y1 * RmsScale) >> 20 (or y1 << KShift).
            var kMax = (Max * plan.RmsScale) >> NumericsPlan.RmsScaleFracBits;
            stream.Add((Min * kMax, Max * kMax));
        }
        // The weights: e * y1, e <= Exp2(0).
        var eMax = (long)units.Exp2(0);
        stream.Add((0, eMax * yMax));
        // The embedding: wte and wpe codes aligned.
        var emb = (1L << program.Uops[0].ShA) + (1L << program.Uops[0].ShB);
        stream.Add((Min * emb, Max * emb));

        var drainW = drain.Max(Width);
        // Lane 0 sums the squares from E: SS + E (at most n_embd * 2^30 + E) must stay positive.
        var lane0W = Math.Max(drainW, Width((0, ((long)c.NEmbd << 30) + program.MaxEps)));
        var serial = drain.Concat(stream).ToList();
        if (plan.ScoreScale is { } scale)
            serial.Add((scores.Lo * scale, scores.Hi * scale));
        return new CompactStepWidths(drainW, lane0W, serial.Max(Width));
    }

    private static long Ceil(long v, int sh) => (v + (1L << sh) - 1) >> sh;

    /// <summary>Bits of a two's-complement value in [lo, hi].</summary>
    public static int Width((long Lo, long Hi) range) => Math.Max(BitLength(Math.Max(range.Hi, 0)), BitLength(Math.Max(-range.Lo - 1, 0))) + 1;
}
