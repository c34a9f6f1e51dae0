using System.Collections.Concurrent;
using HwGen.Model;
using HwGen.Numerics;
using HwGen.Quantization;
using HwGen.Reference;
using static HwGen.Rtl.SvLiteral;

namespace HwGen.Rtl.Compact;

/// <summary>
/// Builds the compact step's micro-program (docs/numerics.md section 5, in order) from a numerics
/// plan built with <see cref="TableParameters.Compact"/>, and the fixed widths and constants its
/// scalar unit needs. Every shift is a difference of the plan's fraction bits.
/// </summary>
public sealed class CompactStepProgram
{
    /// <summary>Register stages from the serial path's input (S0) to its write (S5).</summary>
    public const int SerialLatency = 5;

    /// <summary>Cycles from an exponential's issue to its table read (the last use of the op's fields).</summary>
    public const int ExpTableRead = 6;

    /// <summary>Cycles from an exponential's issue to its write and its term of the sum.</summary>
    public const int ExpLatency = 9;

    /// <summary>Issues of a factor table read (OpNtb): the read, the word registered, the factor (decoded) loaded.</summary>
    public const int NtbIssues = 3;

    /// <summary>Steps of one head's reciprocal (OpRcp): normalize, table read, two Newton products.</summary>
    public const int RcpSteps = 11;

    /// <summary>Steps between two heads' reciprocals in OpRcp (their products on lane 0 never coincide).</summary>
    public const int RcpStagger = 3;

    /// <summary>
    /// fc1's tail: its last write (last issue + 9 + L) comes before fc2's index prefetch (two cycles before fc2's
    /// first issue), so fc2 starts 12 + L cycles after fc1's last issue.
    /// </summary>
    public static int SparseFc1Tail(int lanes) => 11 + lanes;

    /// <summary>
    /// The floors F of the sequencer's position-long bounds max(pos, F) (<see cref="CompactUop.LastColPos"/>): 1, L - 1 and, from
    /// 8 lanes on, L - 1 - HeadTail (a head's weighted values after a head whose sums fill the lanes: the drain has left lane
    /// L - 1 behind when the first take comes).
    /// </summary>
    public static IReadOnlyList<int> PositionFloors(int lanes)
    {
        var drain = lanes - 1 - CompactUop.HeadTail;
        return drain > 1 ? [1, drain, lanes - 1] : lanes > 2 ? [1, lanes - 1] : [1];
    }

    // Two heads' scores, or two heads' weighted values, have the same serial path fields but their rows, which the drain
    // reads at its input: the second's first take (a's tail + b's columns after a's last take) may come once a's last
    // drain has left its written lanes behind, at every position.
    private static int HeadGapTail(CompactUop a, CompactUop b, int lanes, int blockSize) =>
        Math.Max(CompactUop.HeadTail, Enumerable.Range(0, blockSize).Max(pos => a.LastPassRows(pos, lanes) - (b.LastColAt(pos, lanes) + 1)));

    private CompactStepProgram(List<CompactUop> uops, List<string> stages) => (Uops, StageNames) = (uops, stages);

    public IReadOnlyList<CompactUop> Uops { get; }
    public IReadOnlyList<string> StageNames { get; }

    /// <summary>Width of the 1/sqrt normalizer (even): the sum of squares plus epsilon.</summary>
    public int NormWidth { get; private init; }

    /// <summary>Coarse (by 8) normalizing steps of OpNrs (as many as SS + E, E the smallest epsilon, can need); three steps by 2 follow.</summary>
    public int NormCoarse { get; private init; }

    /// <summary>OpNrs step in which the rsqrt table word arrives (the steps after it are fixed).</summary>
    public int NrsA0 => NormCoarse + 5;

    /// <summary>
    /// The left shift that gives K = (y1 * RmsScale) &gt;&gt; 20 = y1 &lt;&lt; KShift when RmsScale is a power of two
    /// (n_embd a power of 4): no K products then. Null otherwise.
    /// </summary>
    public int? KShift { get; private init; }

    /// <summary>
    /// OpNsc runs on the lanes (power-of-two RmsScale, n_embd &lt;= 2 L, L &gt;= 2): x * y1 for L elements per issue, drained
    /// through the serial path like a matrix pass; else lane 0 streams x * K one element per cycle.
    /// </summary>
    public bool NscLanes { get; private init; }

    /// <summary>OpNrs's last step: y1 leaves the adder in step NrsA0 + 9 and gives K at once (power-of-two scale) or after two products.</summary>
    public int NrsLastStep => NrsA0 + (KShift is null ? 15 : 9);

    /// <summary>Left shift of every value entering the first requantizer, so that every shift is &gt;= 0.</summary>
    public int RqPreShift { get; private init; }

    /// <summary>The largest shift of the first requantizer (pre-shift included).</summary>
    public int RqMaxShift { get; private init; }

    /// <summary>The largest shift of the residual requantizer.</summary>
    public int Rq2MaxShift { get; private init; }

    /// <summary>The largest RmsNorm epsilon code.</summary>
    public long MaxEps { get; private init; }

    /// <summary>
    /// Cycles from the step's last logit write to its done cycle (the sampler's start_i): lm_head's serial
    /// path writes lane r of its last pass SerialLatency + 5 + r cycles after its last issue, the op's tail
    /// (L + 4 + SerialLatency) ends with the write of lane L - 1, and End (done_o) follows it: L - r cycles,
    /// r the lane of the last logit.
    /// </summary>
    public int LastLogitWriteGap { get; private init; }

    // Whether every y1 of a table set's rsqrt unit is below 2^15 (98,304 table inputs: checked once per table set).
    private static readonly ConcurrentDictionary<TableParameters, bool> RsqrtFitsLaneOperand = new();

    private static bool RsqrtFits(TableParameters tables)
    {
        var units = new NonlinearUnits(tables);
        for (var mq = 1L << 15; mq < 1L << 17; mq++)
        {
            if (units.Rsqrt(mq << 15, out _) >= 1 << 15)
                return false;
        }
        return true;
    }

    /// <summary>The program for <paramref name="plan"/> on <paramref name="layout"/>.</summary>
    public static CompactStepProgram Build(NumericsPlan plan, CompactStepLayout layout)
    {
        var c = plan.Config;
        var t = plan.Tables;
        var e = c.NEmbd;
        var lanes = layout.L;
        var d = c.HeadDim;
        int N(ActivationSite s, int l) => plan.Format(s, l).FracBits;
        int W(string tensor) => plan.Tensor(tensor).Format.FracBits;
        var eps = new List<long>();
        foreach (var (site, layer) in new[] { (ActivationSite.EmbeddingNorm, -1) }
            .Concat(Enumerable.Range(0, c.NLayer).SelectMany(l => new[] { (ActivationSite.AttnNorm, l), (ActivationSite.MlpNorm, l) })))
            eps.Add(plan.RmsEpsCode(plan.NormInputFormat(site, layer).FracBits));
        var maxEps = eps.Max();
        var ssMax = (long)e << 30;
        var mw = BitLength(ssMax + maxEps);
        mw += mw & 1;
        // SS + E >= the smallest E, so it has at most mw - BitLength(E) leading zeros: the steps by 8
        // leave at most 7, which three steps by 2 bring to at most 1 (the top two bits not both 0).
        var coarse = Math.Max(0, (mw - BitLength(eps.Min()) - 7 + 7) / 8);
        var expFrac = t.ExpFracBits;
        var zw = BitLength((long)c.BlockSize << expFrac);

        // Raw (before the pre-shift) shifts of the first requantizer, to size it.
        var rawShifts = new List<int>();
        var normHalf = (mw - 32) / 2;
        var scale = plan.RmsScale;
        int? kShift = (scale & (scale - 1)) == 0 ? BitLength(scale) - 1 - NumericsPlan.RmsScaleFracBits : null;
        var nrsLast = coarse + 5 + (kShift is null ? 15 : 9);
        var nscLanes = kShift is not null && e <= 2 * lanes && lanes >= 2;
        var nscGroups = (e + lanes - 1) / lanes;
        // The lanes take y1 as a signed 16-bit operand: every y1 of the rsqrt unit must be below 2^15.
        if (nscLanes && !RsqrtFitsLaneOperand.GetOrAdd(t, RsqrtFits))
            throw new InvalidOperationException("the rsqrt unit's y1 does not fit the lanes' signed 16-bit operand");

        var uops = new List<CompactUop>();
        var stages = new List<string>();
        int Stage(string name)
        {
            if (stages.Count == 0 || stages[^1] != name)
                stages.Add(name);
            return stages.Count - 1;
        }
        var serialTail = 4 + SerialLatency;
        var macTail = lanes + 4 + SerialLatency;
        // Ops whose successor may start while their last pass drains (value: the successor reads
        // their results, in row order).
        var overlap = new Dictionary<int, bool>();

        CompactUop Mat(string stage, string tensor, bool bKvx, int bBase, int srcFrac, int dstFrac, int dBase, CompactWrite wr, bool relu = false)
        {
            var p = plan.Tensor(tensor);
            var rq = W(tensor) + srcFrac - dstFrac;
            rawShifts.Add(rq);
            var cp = Math.Max(p.Cols, lanes);
            return new CompactUop(CompactStepOp.Mat, Stage(stage), $"{stage}: {tensor} ({p.Rows} x {p.Cols})",
                ABase: layout.WromBase[tensor], APassStride: p.Cols, AColStride: 1, BBase: bBase, BKvx: bKvx,
                Cols: p.Cols, LastCol: cp - 1, LastPass: (p.Rows + lanes - 1) / lanes - 1, RowHi: p.Rows,
                Relu: relu, Rq: rq, DBase: dBase, Write: wr, Tail: macTail);
        }

        void Norm(string stage, ActivationSite site, int layer, int src, int dst, CompactWrite wr)
        {
            var s = Stage(stage);
            var rqN = t.RsqrtFracBits + 15 - N(site, layer);
            // On the lanes: column c reads x word c / L (elements L * (c / L) + l) in every bank: columns 0 and, with two
            // groups, L (the columns between are bubbles), so that column L's sums arrive as column 0's drain ends. The
            // sums are taken 3 and L + 3 cycles after the first issue (drained like a pass, element l written take + 7 + l),
            // and the next op, which reads element r at its issue r, starts 11 or more cycles after the first issue and no
            // earlier than the last take (which may fall in its first cycle: it restarts the accumulators as the take copies
            // them, and the serial path's fields stay).
            var nscCols = nscGroups == 2 ? lanes + 1 : 2;
            var scaleOp = nscLanes
                ? new CompactUop(CompactStepOp.Nsc, s, $"{stage}: scale on the lanes", BBase: src, AKvx: true,
                    Cols: nscGroups == 2 ? nscCols : 1, LastCol: nscCols - 1, RowHi: e, DBase: dst, Write: wr,
                    Tail: Math.Max(11, (nscGroups - 1) * lanes + 3) - nscCols)
                : new CompactUop(CompactStepOp.Nsc, s, $"{stage}: scale", BBase: src, Cols: e, LastCol: e - 1, DBase: dst, Write: wr, Tail: serialTail);
            if (layout.NormTables.Of(site, layer) is { } table)
            {
                // The factor from its table (a power-of-two RmsScale): y1 and the shift rqN - s / 2 (less KShift on the
                // lanes) = Rq - sidx. Three issues (the read, the word registered, the factor loaded); no lane multiplies
                // (no columns). Its tail: below, once the op before it is known.
                var rqT = rqN - (nscLanes ? kShift!.Value : 0) - table.SMin / 2;
                rawShifts.Add(rqT);
                rawShifts.Add(rqT - 3);
                uops.Add(new CompactUop(CompactStepOp.Ntb, s, $"{stage}: 1/sqrt factor from its (token, position) table",
                    LastCol: NtbIssues - 1, Rq: rqT, NormCoded: table.Coded));
                uops.Add(scaleOp);
                return;
            }
            // On the lanes the products are x * y1 = (x * K) >> KShift: the shift takes KShift off.
            var rqK = rqN + normHalf - (nscLanes ? kShift!.Value : 0);
            rawShifts.Add(rqK);
            rawShifts.Add(rqK - (mw - 2) / 2);
            // The sum of squares starts from E; 1/sqrt's first step takes the last product from the adder (tail 2).
            uops.Add(new CompactUop(CompactStepOp.Nss, s, $"{stage}: sum of squares", BBase: src, BKvx: true, Cols: e, LastCol: e - 1, Tail: 2,
                Eps: plan.RmsEpsCode(plan.NormInputFormat(site, layer).FracBits)));
            uops.Add(new CompactUop(CompactStepOp.Nrs, s, $"{stage}: 1/sqrt and K", LastCol: nrsLast, Rq: rqK));
            uops.Add(scaleOp);
        }

        // Embedding.
        var fe = Math.Max(W(TensorNames.Wte), W(TensorNames.Wpe));
        var embRq = fe - N(ActivationSite.Embedding, -1);
        rawShifts.Add(embRq);
        uops.Add(new CompactUop(CompactStepOp.Emb, Stage("embedding"), "embedding: wte[token] + wpe[pos]", Cols: e, LastCol: e - 1,
            ShA: fe - W(TensorNames.Wte), ShB: fe - W(TensorNames.Wpe), Rq: embRq, DBase: layout.X0Base, Write: CompactWrite.Kvx, Tail: 3 + SerialLatency));
        Norm("embedding_norm", ActivationSite.EmbeddingNorm, -1, layout.X0Base, layout.XBase, CompactWrite.Kvx);
        var xFrac = N(ActivationSite.EmbeddingNorm, -1);
        var rq2s = new List<int> { 0 };

        for (var l = 0; l < c.NLayer; l++)
        {
            var p = $"layer{l}.";
            Norm(p + "attn_norm", ActivationSite.AttnNorm, l, layout.XBase, layout.Normed, CompactWrite.Vram);
            var nn = N(ActivationSite.AttnNorm, l);
            var kBase = layout.KeyBase + l * layout.KeyLen;
            var vBase = layout.ValueBase + l * layout.ValueLen;
            var nq = N(ActivationSite.Query, l);
            var nk = N(ActivationSite.Key, l);
            var ns = N(ActivationSite.AttnScores, l);
            var na = N(ActivationSite.AttnWeights, l);
            var scoreRq = nq + nk + (plan.ScoreShift ?? NumericsPlan.ScoreScaleFracBits) - ns;
            var rq3 = t.RecipFracBits - na;
            var rq4 = na + N(ActivationSite.Value, l) - N(ActivationSite.AttnOutput, l);
            rawShifts.Add(scoreRq);
            rawShifts.Add(rq3 + expFrac);
            rawShifts.Add(rq3 + zw - 1);
            rawShifts.Add(rq4);
            var avPasses = (d + lanes - 1) / lanes;
            var heads = c.NHead;
            // Head h's rows are h * HeadStride + position (RowHi: the first invalid row less pos + 1), so that
            // every head's scores have the same serial path fields but their rows.
            // With D < L a head's scores have max(D, pos + 1 - HeadTail, 2) columns while pos < L (one pass: the previous
            // head's pos + 1 rows drain under the issue and the tail of HeadTail; k's tail covers k's last drain before head
            // 0's first take), L from pos L on (a pass drains L rows under the next); else max(D, L).
            CompactUop Scores(int h, int stage) => new(CompactStepOp.Sco, stage, $"{p}attention head {h}: scores", ABase: kBase + h * d, APassStride: e, AColStride: 1, AKvx: true,
                BBase: layout.Query + h * d, Cols: d, LastCol: d < lanes ? Math.Max(d - 1, 1) : Math.Max(d, lanes) - 1, LastColRows: d < lanes, PassPos: true,
                RowBase: layout.ScoresOf(h) - layout.Scores, RowLo: layout.ScoresOf(h) - layout.Scores, RowHi: layout.ScoresOf(h) - layout.Scores, RowHiPos: true,
                Rq: scoreRq, DBase: layout.Scores, Tail: macTail);
            uops.Add(Mat(p + "q", TensorNames.AttnWq(l), false, layout.Normed, nn, N(ActivationSite.Query, l), layout.Query, CompactWrite.Vram));
            overlap[uops.Count - 1] = false;
            uops.Add(Mat(p + "k", TensorNames.AttnWk(l), false, layout.Normed, nn, N(ActivationSite.Key, l), kBase, CompactWrite.Key) with { DPosKey = true });
            // Every head's scores issue between k (head 0's read its key in row order) and v, each head's
            // drain overlapping the next head's issue, the last drain v's issue; they count in v's stage
            // (the stage list is the same for every architecture). Each head's scores go to their own
            // buffer; the drain keeps each head's maximum in a ring of per-head registers.
            overlap[uops.Count - 1] = true;
            var vStage = Stage(p + "v");
            for (var h = 0; h < heads; h++)
            {
                uops.Add(Scores(h, vStage));
                overlap[uops.Count - 1] = false;
            }
            // Tail 3 (the last pass's take): the exponentials that follow neither use the serial path
            // nor load its fields, nor write KVX.
            uops.Add(Mat(p + "v", TensorNames.AttnWv(l), false, layout.Normed, nn, N(ActivationSite.Value, l), vBase, CompactWrite.Kvx) with { DPosValue = true, Tail = 3 });

            var st = Stage(p + "attention");
            // The heads batched: the exponentials of every head (a pass per head, the head's maximum taken
            // from the ring at its pass's first issue, its sum kept in a ring of per-head sums; tail 9
            // with one head, whose sum the reciprocal takes at once, else 8, and 7 from position 2 on: the
            // reciprocals' first step reads head 0's sum, which the last pass's first term (issued max(pos, 1)
            // cycles before the last, in place ExpLatency + 1 cycles after its issue) has moved into place, and they
            // move the ring on in their step 2, after the last term), the reciprocals interleaved (head h's steps start at
            // 3h), the weights of every head (a pass per head of pos + 1 columns and a bubble, in which the
            // serial path's shift changes to the next head's), then each head's weighted values.
            uops.Add(new CompactUop(CompactStepOp.Exp, st, $"{p}attention: exponentials", BBase: layout.Scores, ColsPos: true, LastCol: 1, LastColPos: true,
                LastPass: heads - 1, BPassStride: layout.HeadStride, DBase: layout.Scores, Tail: heads == 1 ? ExpLatency : ExpLatency - 1, ExpTailShort: heads > 1,
                ExpShift: ns + NonlinearUnits.Log2EFracBits - t.ExpIndexBits));
            // (The last head's y1 goes into the ring in the cycle after the op's last issue, the weights' first, whose
            // first operand reads the ring a cycle later.)
            uops.Add(new CompactUop(CompactStepOp.Rcp, st, $"{p}attention: reciprocals", LastCol: RcpSteps - 2 + RcpStagger * (heads - 1), Rq: rq3));
            // Head 0's weighted values read head 0's weights (written in the first pass) at their issue i,
            // and their first take (the serial path's fields) comes after the weights' last write.
            uops.Add(new CompactUop(CompactStepOp.Wgt, st, $"{p}attention: weights", BBase: layout.Scores, ColsPos: true, LastCol: 1, LastColP1: true,
                LastPass: heads - 1, BPassStride: layout.HeadStride, DBase: layout.Scores, Tail: Math.Max(3, SerialLatency + 5 - 2 * heads)));
            for (var h = 0; h < heads; h++)
            {
                var hd = h * d;
                var chunk = hd / lanes * lanes;
                // One pass (D <= L): max(pos, F) + 1 columns, F the smallest floor the sequencer has at or above
                // the previous head's written lanes less HeadTail + 1, so that its drain has left them behind at the
                // first take (head 0: 1; lanes 4..7 at 8 lanes: 4); the tails between the heads are HeadTail (below).
                var floor = 1;
                if (avPasses == 1 && h > 0)
                {
                    var prevHi = hd - d - (hd - d) / lanes * lanes + d;
                    floor = PositionFloors(lanes).First(f => f >= prevHi - 1 - CompactUop.HeadTail);
                }
                uops.Add(new CompactUop(CompactStepOp.Av, st, $"{p}attention head {h}: weighted values", ABase: vBase + chunk / lanes, APassStride: 1, AColStride: layout.EPerLane, AKvx: true,
                    BBase: layout.ScoresOf(h), ColsPos: true, LastCol: avPasses == 1 ? floor : Math.Max(lanes - 1, 1), LastColPos: true, LastPass: avPasses - 1, RowBase: chunk, RowLo: hd, RowHi: hd + d,
                    Rq: rq4, DBase: layout.AttnOut, Tail: macTail));
            }
            // The last head's go to wo, which reads them in row order.
            overlap[uops.Count - 1] = true;
            var no = N(ActivationSite.AttnProjection, l);
            var nr = N(ActivationSite.AttnResidual, l);
            var f = Math.Max(xFrac, no);
            rq2s.Add(f - nr);
            uops.Add(Mat(p + "wo+attn_residual", TensorNames.AttnWo(l), false, layout.AttnOut, N(ActivationSite.AttnOutput, l), no, layout.XBase, CompactWrite.Kvx)
                with { Residual = true, ShA = f - xFrac, ShB = f - no, Rq2 = f - nr });
            xFrac = nr;

            Norm(p + "mlp_norm", ActivationSite.MlpNorm, l, layout.XBase, layout.Normed, CompactWrite.Vram);
            // fc1 writes the nonzero hidden codes compacted (the k-th at Hidden + k, its row at index word k) and
            // counts them; fc2 needs the count for its column bound and prefetches index words 0 and 1 in the
            // two cycles before its first issue: fc1 waits until its last write (last issue + 9 + L) is readable.
            uops.Add(Mat(p + "fc1", TensorNames.MlpFc1(l), false, layout.Normed, N(ActivationSite.MlpNorm, l), N(ActivationSite.MlpHidden, l), layout.Hidden, CompactWrite.Vram, relu: true)
                with { Tail = SparseFc1Tail(lanes) });
            var nm = N(ActivationSite.MlpOutput, l);
            var nx = N(ActivationSite.MlpResidual, l);
            f = Math.Max(xFrac, nm);
            rq2s.Add(f - nx);
            // fc2 skips the hidden codes ReLU made 0 (their products are 0): max(nz, L, 2) columns per pass.
            uops.Add(Mat(p + "fc2+mlp_residual", TensorNames.MlpFc2(l), false, layout.Hidden, N(ActivationSite.MlpHidden, l), nm, layout.XBase, CompactWrite.Kvx)
                with { Residual = true, ShA = f - xFrac, ShB = f - nm, Rq2 = f - nx, HiddenLayer = l });
            xFrac = nx;
        }
        uops.Add(Mat("lm_head", TensorNames.LmHead, true, layout.XBase, xFrac, N(ActivationSite.Logits, -1), 0, CompactWrite.Logit));
        uops.Add(new CompactUop(CompactStepOp.End, Stage("end"), "end: done"));

        // Two heads' scores, or two heads' weighted values (same fields but the rows): the second's first take need only
        // follow the first's last drain of its written lanes.
        for (var k = 0; k + 1 < uops.Count; k++)
        {
            var (a, b) = (uops[k], uops[k + 1]);
            if ((a.Op, b.Op) is (CompactStepOp.Sco, CompactStepOp.Sco) or (CompactStepOp.Av, CompactStepOp.Av))
                uops[k] = a with { Tail = HeadGapTail(a, b, lanes, c.BlockSize) };
        }
        // Overlap: the serial path takes its fields (shift, rows, destination) from registers loaded
        // at an op's first take, so the next matrix op may issue while this op's last pass drains.
        // Its first take (its first pass issued, + 3) must come after this op's last write (row k of
        // the last pass: last issue + 10 + k; a take may cut the drain short after its last written row),
        // and no later op may read this op's results before they are written.
        foreach (var (k, dependent) in overlap)
        {
            var a = uops[k];
            var b = uops[k + 1];
            if (a.Op is not (CompactStepOp.Mat or CompactStepOp.Sco or CompactStepOp.Av) || a.Residual || a.Write == CompactWrite.Logit
                || b.Op is not (CompactStepOp.Mat or CompactStepOp.Sco or CompactStepOp.Av))
                throw new InvalidOperationException($"{a.Comment} cannot overlap {b.Comment}");
            // (Two heads' scores: above.)
            if (a.Op == CompactStepOp.Sco && b.Op == CompactStepOp.Sco)
                continue;
            // The first take must come a cycle after the last written row entered the path (last issue + 3 + rows):
            // the first requantizer's shift changes at the take, the later fields follow their values.
            var tail = Math.Max(3, Enumerable.Range(0, c.BlockSize).Max(pos => a.LastPassRows(pos, lanes) + 1 - (b.LastColAt(pos, lanes) + 1)));
            // The successor reads row r (written at last issue + 10 + r - RowBase - LastPass * L) at its issue r.
            if (dependent)
                tail = Math.Max(tail, 10 - a.RowBase - a.LastPass * lanes);
            uops[k] = a with { Tail = tail };
        }
        // A stream (the embedding, a norm's scale) writes element i Tail cycles after
        // its issue i; the next op (a product, a sum of squares) reads element i at
        // its own issue i and uses the serial path only later, so it may start as soon as it cannot
        // overtake the stream (its shortest stream: LastCol + 1 issues).
        for (var k = 0; k + 1 < uops.Count; k++)
        {
            // (The lanes' OpNsc, which reads A from KVX, has its own tail.)
            if ((uops[k].Op is CompactStepOp.Emb || (uops[k].Op == CompactStepOp.Nsc && !uops[k].AKvx)) && uops[k + 1].Op is CompactStepOp.Mat or CompactStepOp.Nss)
                uops[k] = uops[k] with { Tail = Math.Max(3, uops[k].Tail + 1 - (uops[k].LastCol + 1)) };
        }
        // A factor table read (Ntb) follows a stream (the embedding, a norm's scale on lane 0), which then ends once its
        // last value has left the stages that read the op (tail 3), or a norm's scale on the lanes (its own tail: its second
        // take may fall in the Ntb's first cycle). The scale after the Ntb reads element j of what the op before wrote at
        // its issue j (on lane 0) or j / L (on the lanes): the Ntb waits until every such read comes after the write.
        for (var k = 1; k + 1 < uops.Count; k++)
        {
            if (uops[k].Op != CompactStepOp.Ntb)
                continue;
            var (a, b) = (uops[k - 1], uops[k + 1]);
            if (b.Op != CompactStepOp.Nsc || !(a.Op is CompactStepOp.Emb or CompactStepOp.Nsc))
                throw new InvalidOperationException($"{uops[k].Comment} is not between a stream or a scale and its scale");
            var stream = !(a.Op == CompactStepOp.Nsc && a.AKvx);
            // (The embedding's values have their own valid chain; a scale on lane 0 chooses its operands by its op.)
            if (stream)
                uops[k - 1] = a = a with { Tail = a.Op == CompactStepOp.Emb ? 0 : 3 };
            // Element j written (relative to a's first cycle): a stream's at its issue j + 3 + SerialLatency; the lanes'
            // at their take (3 + L * (j / L)) + 7 + j mod L.
            int Written(int j) => stream ? j + 3 + SerialLatency : 3 + lanes * (j / lanes) + 7 + j % lanes;
            // The lanes read group j / L at column L * (j / L).
            int ReadIssue(int j) => b.AKvx ? j / lanes * lanes : j;
            var before = a.Cycles(0, lanes) + NtbIssues;
            var start = Enumerable.Range(0, e).Max(j => Written(j) + 1 - ReadIssue(j));
            // The scale loads the serial path's fields at its first take (on the lanes, 3 cycles in) or its first cycle
            // (a stream), after a's last value has entered the path: a stream's at its last issue + 2 (the embedding) or
            // + 3 (a scale on lane 0), the lanes' last drain at their last take + L - 1 + 1.
            var lastIn = a.Op == CompactStepOp.Emb ? e - 1 + 2 : stream ? e - 1 + 3 : 3 + lanes * ((e - 1) / lanes) + lanes;
            start = Math.Max(start, lastIn + 1 - (b.AKvx ? 3 : 0));
            uops[k] = uops[k] with { Tail = Math.Max(0, start - before) };
        }
        // A residual product (wo, fc2) reads the old x from KVX for each row it drains: the last read
        // address goes out L + 4 cycles after its last issue, while the op is still the one issuing.
        // A sum of squares or a product that reads x in order (lm_head) may start right after that:
        // it reads x[r] at its issue r, after the write (last issue + 10 + r - LastPass * L).
        for (var k = 0; k + 1 < uops.Count; k++)
        {
            var a = uops[k];
            var b = uops[k + 1];
            if (a.Op == CompactStepOp.Mat && a.Residual && a.Write == CompactWrite.Kvx
                && (b.Op == CompactStepOp.Nss || (b.Op == CompactStepOp.Mat && b.BKvx && !b.Residual)) && b.BBase == a.DBase)
                uops[k] = a with { Tail = Math.Min(a.Tail, Math.Max(lanes + 4, 10 - a.RowBase - a.LastPass * lanes)) };
        }
        // The op after the overlapping one starts after the overlapped op's last write. (A head's scores are read only by
        // the exponentials, after v; k's keys by every head's scores, each element at its issue: checked below.)
        foreach (var k in overlap.Keys)
        {
            var b = uops[k + 1];
            if (!(uops[k].Op == CompactStepOp.Sco && b.Op == CompactStepOp.Sco) && uops[k].Write != CompactWrite.Key && uops[k].Tail + b.Cycles(0, lanes) + 1 < macTail + 1)
                throw new InvalidOperationException($"{uops[k + 2].Comment} may read {uops[k].Comment}'s results before they are written");
        }
        // The heads' scores after k read key element h * D + col of the position at their last pass's issue col (KVX,
        // registered: a cycle after its write; row r of k's pass q is written 10 + r - q * L cycles after that pass's last issue).
        for (var k = 0; k + 1 < uops.Count; k++)
        {
            var a = uops[k];
            if (a.Write != CompactWrite.Key)
                continue;
            for (var pos = 0; pos < c.BlockSize; pos++)
            {
                var start = 1 + a.TailAt(pos);
                for (var j = k + 1; j < uops.Count && uops[j].Op == CompactStepOp.Sco; j++)
                {
                    var s = uops[j];
                    var cols = s.LastColAt(pos, lanes) + 1;
                    for (var col = 0; col < s.Cols; col++)
                    {
                        var row = s.ABase - a.DBase + col;
                        var pass = (row - a.RowBase) / lanes;
                        var written = 10 + row - a.RowBase - pass * lanes - (a.LastPass - pass) * (a.LastCol + 1);
                        if (start + s.LastPassAt(pos, lanes) * cols + col < written + 1)
                            throw new InvalidOperationException($"{s.Comment} may read key element {row} before {a.Comment} writes it");
                    }
                    start += s.Cycles(pos, lanes);
                }
            }
        }

        // A pass's L sums drain one per cycle while the next pass issues: a pass followed by another
        // must last L cycles (an op of one pass drains in its tail or under the next op, whose first take comes later).
        if (uops.Any(u => u.Op is CompactStepOp.Mat or CompactStepOp.Sco or CompactStepOp.Av
                && Enumerable.Range(0, c.BlockSize).Any(pos => u.LastPassAt(pos, lanes) > 0 && u.LastColAt(pos, lanes) + 1 < lanes)))
            throw new InvalidOperationException("a matrix pass shorter than the lanes would overwrite sums still draining");
        // The reciprocals push the last head's y1 in the cycle after their last issue: the weights follow at once.
        for (var k = 0; k < uops.Count; k++)
        {
            if (uops[k].Op == CompactStepOp.Rcp && (uops[k].Tail != 0 || k + 1 >= uops.Count || uops[k + 1].Op != CompactStepOp.Wgt))
                throw new InvalidOperationException($"{uops[k].Comment} are not followed at once by the weights");
        }
        // The reciprocals start (the exponentials' last issue + 1 + tail) after the last pass's first term has moved the
        // sums' ring into place (with one head: after the last term), and move it on (step 2) after the last term.
        foreach (var u in uops.Where(u => u.Op == CompactStepOp.Exp))
        {
            if (Enumerable.Range(0, c.BlockSize).Any(pos => u.TailAt(pos) + 1 < (c.NHead == 1 ? ExpLatency + 1 : Math.Max(ExpLatency - 1, ExpLatency + 1 - Math.Max(pos, 1)))))
                throw new InvalidOperationException($"{u.Comment}: the reciprocals would read a sum before it is complete");
        }
        // Two heads' scores or weighted values: the second's first take comes after the first's last drain of its written lanes.
        for (var k = 0; k + 1 < uops.Count; k++)
        {
            var (a, b) = (uops[k], uops[k + 1]);
            if ((a.Op, b.Op) is (CompactStepOp.Sco, CompactStepOp.Sco) or (CompactStepOp.Av, CompactStepOp.Av)
                && Enumerable.Range(0, c.BlockSize).Any(pos => a.Tail + b.LastColAt(pos, lanes) + 1 < a.LastPassRows(pos, lanes)))
                throw new InvalidOperationException($"{b.Comment} would take its sums before {a.Comment} has drained");
        }
        // The sequencer knows an op's last issue a cycle ahead: every op but End has passes of two or more columns.
        if (uops.Any(u => u.Op != CompactStepOp.End && u.LastCol < 1))
            throw new InvalidOperationException("an op has passes of one column");
        if (uops.Any(u => (u.LastColPos && !PositionFloors(lanes).Contains(u.LastCol)) || (u.LastColRows && (u.LastColPos || u.LastCol + 1 >= lanes))))
            throw new InvalidOperationException("a position-long op with a bound the sequencer has no register for");
        // A summing op clears its accumulators in its first cycle and takes products 3 cycles later:
        // the op before it must end with a tail of 3 cycles or more, in which the lanes multiply by 0
        // (or be the lanes' scale, whose last products are taken at the latest in the next op's first cycle).
        for (var k = 1; k < uops.Count; k++)
        {
            if (uops[k].Op is CompactStepOp.Mat or CompactStepOp.Sco or CompactStepOp.Av or CompactStepOp.Nss && uops[k - 1].Tail < 3
                && !(uops[k - 1].Op == CompactStepOp.Nsc && uops[k - 1].AKvx))
                throw new InvalidOperationException($"{uops[k].Comment} follows an op without a tail");
        }
        // A sparse op (fc2) reads the vector fc1 wrote just before it, compacted, with fc1's tail for the prefetch.
        for (var k = 0; k < uops.Count; k++)
        {
            if (uops[k].HiddenLayer >= 0 && !(k > 0 && uops[k - 1].Relu && uops[k - 1].Write == CompactWrite.Vram && uops[k - 1].DBase == uops[k].BBase
                && uops[k - 1].Tail >= SparseFc1Tail(lanes) && !uops[k].BKvx && uops[k].Op == CompactStepOp.Mat))
                throw new InvalidOperationException($"{uops[k].Comment} does not follow the ReLU product it reads");
        }
        if (rq2s.Any(r => r < 0))
            throw new HwGenException($"The compact step of {c} needs a left shift in a residual requantize; use formats whose residual stream has at most the fraction bits of its inputs.");
        var lm = uops[^2];
        if (uops[^1].Op != CompactStepOp.End || lm.Write != CompactWrite.Logit || lm.RowBase != 0 || lm.PassPos)
            throw new InvalidOperationException("the compact step's last op before End is not the logits' product");
        var pre = Math.Max(0, -rawShifts.Min());
        var program = new CompactStepProgram(
            uops.Select(u => u.Op switch
            {
                CompactStepOp.Emb or CompactStepOp.Mat or CompactStepOp.Sco or CompactStepOp.Av or CompactStepOp.Nrs or CompactStepOp.Rcp or CompactStepOp.Ntb => u with { Rq = u.Rq + pre },
                _ => u,
            }).ToList(), stages)
        {
            LastLogitWriteGap = lm.Tail - 4 - SerialLatency - (c.VocabSize - 1) % lanes,
            NormWidth = mw, NormCoarse = coarse, KShift = kShift, NscLanes = nscLanes, RqPreShift = pre, RqMaxShift = rawShifts.Max() + pre, Rq2MaxShift = rq2s.Max(), MaxEps = maxEps,
        };
        return program;
    }
}
