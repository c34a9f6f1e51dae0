using HwGen.Numerics;
using HwGen.Quantization;
using static HwGen.Rtl.SvLiteral;

namespace HwGen.Rtl;

/// <summary>
/// The view model of hdl-templates/hwgen_attention.sv.hbs: every width, bound and constant of the
/// attention module, computed from the numerics plan and the lanes setting. The Exp2 and Recip widths
/// are those RtlGenerator gives hwgen_exp2 and hwgen_recip.
/// </summary>
public sealed record AttentionView(
    int RowW, int RowMsb, int SliceW, bool SharedKv, int NHead, int HeadDim, int Units, int Groups, int BlockSize, int BlockIdxW,
    int ScoreStages, bool ScaleStage, int PosW, int PosMsb, int LayerMsb, int KvDepth, int KvAddrW, int GroupW,
    string LastGroup,
    int DotW, int ScW, int OutAccW, int RqW, int ExpW, int SoftmaxSumW, int ExpArgW, int RecipInW, int RecipOutW, int EyW,
    string ScoreMul, string Log2E, IReadOnlyList<AttentionRequant> Requants)
{
    /// <summary>The view for <paramref name="plan"/> at <paramref name="lanes"/> lanes.</summary>
    public static AttentionView For(NumericsPlan plan, int lanes)
    {
        var c = plan.Config;
        var t = plan.Tables;
        var accs = plan.Accumulators().ToDictionary(a => a.Name, a => a.Bits);
        var units = AttentionTiming.HeadsPerGroup(c, lanes);
        var groups = c.NHead / units;

        var expW = BitLength(ExpTable.Generate(t.ExpIndexBits, t.ExpFracBits).Max());
        var softmaxSumW = accs["softmax_sum"];
        var recipInW = Math.Max(Math.Max(softmaxSumW, accs["sampler_sum"]), 16);
        var recipOutW = t.RecipFracBits + 2;
        var lambdaW = BitLength(NonlinearUnits.Log2E) + recipOutW - NumericsPlan.LambdaShift;
        var expArgW = 17 + Math.Max(lambdaW, BitLength(NonlinearUnits.Log2E)) + 3;
        var scoreMul = plan.ScoreScale ?? 1;
        var dotW = accs["attn_scores"];
        var scW = dotW + BitLength(scoreMul) + 1;
        var outAccW = accs["attn_output"];
        var eyW = expW + recipOutW;
        var rqW = new[] { scW, eyW + 1, outAccW }.Max();
        var posW = CeilLog2(c.BlockSize + 1L);
        var kvDepth = c.NLayer * groups * c.BlockSize;
        var groupW = IndexWidth(groups);

        return new AttentionView(
            RowW: 16 * c.NEmbd, RowMsb: 16 * c.NEmbd - 1, SliceW: 16 * units * c.HeadDim, SharedKv: groups == 1, NHead: c.NHead, HeadDim: c.HeadDim, Units: units, Groups: groups,
            BlockSize: c.BlockSize, BlockIdxW: IndexWidth(c.BlockSize),
            ScoreStages: AttentionTiming.ScoreStages(c), ScaleStage: plan.ScoreScale is not null, PosW: posW, PosMsb: posW - 1,
            LayerMsb: Math.Max(0, CeilLog2(c.NLayer) - 1), KvDepth: kvDepth, KvAddrW: IndexWidth(kvDepth),
            GroupW: groupW,
            LastGroup: Unsigned(groupW, groups - 1),
            DotW: dotW, ScW: scW, OutAccW: outAccW, RqW: rqW, ExpW: expW, SoftmaxSumW: softmaxSumW, ExpArgW: expArgW,
            RecipInW: recipInW, RecipOutW: recipOutW, EyW: eyW,
            ScoreMul: Signed(BitLength(scoreMul) + 1, scoreMul), Log2E: Signed(expArgW, NonlinearUnits.Log2E),
            Requants:
            [
                new AttentionRequant("s", plan.ScoreScale is null ? dotW : scW, "scores"),
                new AttentionRequant("w", eyW + 1, "weights"),
                new AttentionRequant("o", outAccW, "outputs"),
            ]);
    }
}
