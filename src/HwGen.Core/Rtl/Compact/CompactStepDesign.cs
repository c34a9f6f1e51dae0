using System.Globalization;
using HwGen.Numerics;
using HwGen.Quantization;
using HwGen.Reference;
using HwGen.Rendering;
using static HwGen.Rtl.SvLiteral;

namespace HwGen.Rtl.Compact;

/// <summary>The compact step's files (dependency order, leaves first) and its exact stage timing.</summary>
/// <param name="Sources">The SystemVerilog files added, leaves first, hwgen_step.sv last.</param>
/// <param name="Stages">The step's stages; Cycles(pos) from the first cycle stage_o shows a stage to the first cycle it shows the next (the last: to its done cycle, inclusive).</param>
/// <param name="LastLogitWriteGap">Cycles from the step's last logit write to its done cycle (<see cref="CompactStepProgram.LastLogitWriteGap"/>).</param>
public sealed record CompactStepResult(IReadOnlyList<string> Sources, IReadOnlyList<ScheduleStage> Stages, int LastLogitWriteGap);

/// <summary>
/// Renders the compact architecture's <c>hwgen_step</c> (hdl-templates/compact/) for a numerics plan
/// built with <see cref="TableParameters.Compact"/> and L lanes: L multipliers shared by every
/// multiply of the step, a micro-program whose timing is a pure function of the position
/// (<see cref="CompactStepProgram"/>, <see cref="CompactUop.Cycles"/>).
/// </summary>
public static class CompactStepDesign
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The .sv files this design adds, leaves first.</summary>
    public static IReadOnlyList<string> SourceFiles { get; } = ["hwgen_crom.sv", "hwgen_cram.sv", "hwgen_cspram.sv", "hwgen_crq.sv", "hwgen_step.sv"];

    /// <summary>Checks the plan and lanes; throws a <see cref="HwGenException"/> that says what to change.</summary>
    public static void Validate(NumericsPlan plan, int lanes)
    {
        var c = plan.Config;
        if (plan.Tables != TableParameters.Compact)
            throw new HwGenException($"The compact step needs the compact tables {TableParameters.Compact}; the plan has {plan.Tables}. Build the plan with CoreArch.Compact.PlanFor(plan).");
        if (lanes < 1 || lanes > 64 || (lanes & (lanes - 1)) != 0)
            throw new HwGenException($"The compact step takes 1, 2, 4, 8, 16, 32 or 64 lanes; {lanes} was given. Use --lanes 8 for the iCE40 UP5K.");
        if (c.NEmbd % lanes != 0)
            throw new HwGenException($"The compact step needs n_embd ({c.NEmbd}) to be a multiple of the lanes ({lanes}). Use --lanes {Enumerable.Range(0, 7).Select(b => 1 << b).Where(l => c.NEmbd % l == 0).Max()} or fewer.");
        var d = c.HeadDim;
        if ((d & (d - 1)) != 0)
            throw new HwGenException($"The compact step needs a power-of-two head_dim; {c} has {d}. Use the fast architecture (--arch fast).");
        var kMax = (32767L * plan.RmsScale) >> NumericsPlan.RmsScaleFracBits;
        if (kMax >= 1L << 18)
            throw new HwGenException($"The compact step's RmsNorm scale factor needs {BitLength(kMax)} bits for n_embd {c.NEmbd}; it handles at most 18 (n_embd <= 63). Use the fast architecture (--arch fast).");
    }

    /// <summary>Adds hwgen_step.sv, its leaves and memory images to <paramref name="files"/>.</summary>
    public static CompactStepResult AddTo(BuildPlan files, TemplateRenderer templates, NumericsPlan plan, int lanes)
    {
        Validate(plan, lanes);
        var c = plan.Config;
        var t = plan.Tables;
        var layout = CompactStepLayout.For(plan, lanes);
        var program = CompactStepProgram.Build(plan, layout);
        var uops = program.Uops;
        if (program.StageNames.Count > CoreStage.FirstPhase)
            throw new HwGenException($"The compact decode step of {c} has {program.StageNames.Count} stages; dbg_stage_o shows at most {CoreStage.FirstPhase}. Use fewer layers.");

        // ---- memory images ----
        var exp = ExpTable.Generate(t.ExpIndexBits, t.ExpFracBits);
        var recip = ReciprocalTable.Generate(t.RecipIndexBits, t.RecipFracBits);
        var rsqrt = RsqrtTable.Generate(t.RsqrtIndexBits, t.RsqrtFracBits);
        var banks = new List<object>();
        var wromAw = IndexWidth(layout.WromDepth);
        var kvxAw = IndexWidth(layout.KvxDepth);
        var vramAw = IndexWidth(layout.VramDepth);
        for (var b = 0; b < lanes; b++)
        {
            var wFile = string.Create(Inv, $"cweights_bank{b}.mem");
            var kFile = string.Create(Inv, $"ckvx_bank{b}.mem");
            files.AddText(wFile, MemImage.Format(layout.WromWords(c, b, n => plan.Tensor(n).Codes).Select(w => (long)w), 16,
                string.Create(Inv, $"Compact weight bank {b} of {lanes}: wte element i of row r at Base + r*{layout.EPerLane} + i/{lanes} (i mod {lanes} = {b}); other tensors but wpe row s*{lanes}+{b}, column c at Base + s*Cols + c.")));
            files.AddText(kFile, MemImage.Format(layout.KvxWords(b, exp, recip, rsqrt, plan.Tensor(Model.TensorNames.Wpe).Codes, c.NEmbd), 16,
                string.Create(Inv, $"Compact KVX bank {b} of {lanes}: exp, recip and rsqrt table entries k = {b} mod {lanes} at {layout.ExpBase}, {layout.RecBase}, {layout.RsqBase} + k/{lanes}; wpe element i of row p at {layout.WpeBase} + p*{layout.EPerLane} + i/{lanes}; zeros (activations, keys, values) after{NormTablesNote(layout)}.")));
            banks.Add(new
            {
                Index = b, WromDepth = layout.WromDepth, WromAW = wromAw, WromFile = wFile,
                KvxDepth = layout.KvxDepth, KvxAW = kvxAw, KvxFile = kFile,
            });
        }

        // ---- widths ----
        // The sums' widths from what each op sums (CompactStepWidths): the lanes' accumulators and hold chain, lane 0's
        // accumulator (also the sum of squares plus epsilon) and the serial path's input.
        var widths = CompactStepWidths.Of(plan, program);
        var accW = widths.Drain;
        var acc0W = widths.Lane0;
        var sinW = widths.Serial;
        // Lane 0 sums the squares from E: SS + E must stay positive in its accumulator, and the normalizer takes it whole.
        var ssE = ((long)c.NEmbd << 30) + program.MaxEps;
        if (BitLength(ssE) >= acc0W || BitLength(ssE) > program.NormWidth || acc0W < accW || sinW < accW)
            throw new InvalidOperationException($"the compact step's sums do not fit their widths (lanes {accW}, lane 0 {acc0W}, serial path {sinW} bits)");
        var scoreScaled = plan.ScoreShift is null;
        var scale = plan.ScoreScale ?? 1;
        var pre = program.RqPreShift;
        var shW = BitLength(program.RqMaxShift);
        var rq1W = Math.Max(sinW + pre, program.RqMaxShift + 2);
        var sh2W = BitLength(program.Rq2MaxShift);
        var aw = new[] { wromAw, kvxAw, vramAw }.Max() + 1;
        var posW = CeilLog2(c.BlockSize + 1L);
        var tokW = IndexWidth(c.VocabSize);
        var maxCount = new[] { 2 * c.NEmbd, c.MlpHidden, c.VocabSize, c.BlockSize + lanes, program.NrsLastStep + 1, 64, c.NEmbd + lanes,
            (c.NHead + 1) * layout.HeadStride, CompactStepProgram.RcpSteps + CompactStepProgram.RcpStagger * c.NHead }.Max();
        var cntW = IndexWidth(maxCount + 1) + 1;
        var tailW = BitLength(uops.Max(u => u.Tail));
        var pcW = IndexWidth(uops.Count);
        var epsW = BitLength(program.MaxEps);
        var lgL = CeilLog2(lanes);
        var bselW = Math.Max(1, lgL);
        var mw = program.NormWidth;
        var zw = BitLength((long)c.BlockSize << t.ExpFracBits);
        const int wwW = 37;
        var expShifts = uops.Where(u => u.Op == CompactStepOp.Exp).Select(u => u.ExpShift).Distinct().Order().ToList();
        var expSelW = IndexWidth(expShifts.Count);

        string U(int w, long v) => Unsigned(w, v);
        string B(bool b) => b ? "1'b1" : "1'b0";
        string ConstMul(string x, long k)
        {
            if (k == 0)
                return "'0";
            var terms = new List<string>();
            for (var bit = 0; k >> bit != 0; bit++)
            {
                if (((k >> bit) & 1) != 0)
                    terms.Add(string.Create(Inv, $"({aw}'({x}) << {bit})"));
            }
            return string.Join(" + ", terms);
        }

        var residuals = uops.Where(u => u.Residual).Select(u => (u.ShA, u.ShB)).Distinct().ToList();
        if (residuals.Count == 0)
            residuals.Add((0, 0));
        var resSelW = IndexWidth(residuals.Count);
        // The residual requantizer's input: o1, or x and o1 aligned (x << ShA) + (o1 << ShB); its guard bit sh - 1 is an input bit.
        var sum2W = residuals.Select(r => CompactStepWidths.Width((-32768L * ((1L << r.ShA) + (1L << r.ShB)), 32767L * ((1L << r.ShA) + (1L << r.ShB)))))
            .Append(16).Append(program.Rq2MaxShift + 2).Max();
        // u_op is one-hot: a bit per op code (Ntb's only where a design has factor tables).
        var opW = layout.NormTables.Tables.Count > 0 ? (int)CompactStepOp.Ntb + 1 : (int)CompactStepOp.End + 1;
        var ops = uops.Select((u, pc) => new
        {
            Pc = U(pcW, pc), u.Comment, OpBits = U(opW, 1L << (int)u.Op), Stage = U(8, u.Stage),
            ABase = U(aw, u.ABase), APs = U(aw, u.APassStride), ACs = U(aw, u.AColStride), AKvx = B(u.AKvx),
            BBase = U(aw, u.BBase), BKvx = B(u.BKvx), Cols = U(cntW, u.Cols), LastCol = U(cntW, u.LastCol), LastPass = U(cntW, u.LastPass),
            RowBase = U(cntW, u.RowBase), RowLo = U(cntW, u.RowLo), RowHi = U(cntW, u.RowHi),
            ColsPos = B(u.ColsPos), LastColPos = U(3, u.LastColP1 ? 3 : u.LastColRows ? 5 : !u.LastColPos ? 0 : u.LastCol == 1 ? 1 : u.LastCol == Math.Max(lanes - 1, 1) ? 2 : 4), BPs = B(u.BPassStride != 0), Sparse = B(u.HiddenLayer >= 0), PassPos = B(u.PassPos), RowHiPos = B(u.RowHiPos),
            Relu = B(u.Relu), Resid = B(u.Residual), ResSel = U(resSelW, u.Residual ? residuals.IndexOf((u.ShA, u.ShB)) : 0), Rq = U(shW, u.Rq), Rq2 = U(sh2W, u.Rq2),
            DBase = U(aw, u.DBase), WMode = "Wr" + u.Write, DPosK = B(u.DPosKey), DPosV = B(u.DPosValue), Eps = U(epsW, u.Eps), Tail = U(tailW, u.Tail), Tail0 = B(u.Tail == 0), Tail1 = B(u.Tail == 1),
            ExpSel = U(expSelW, u.Op == CompactStepOp.Exp ? expShifts.IndexOf(u.ExpShift) : 0),
            KSrc = U(layout.NormTables.Tables.Count > 0 ? 8 : 7, KvxReadSource(u)), NtCode = B(u.NormCoded),
        }).ToArray();

        if (layout.NormTables.Tables.Count(t => t.Coded) > 1 || layout.NormTables.Tables.Count(t => !t.Coded) > 1)
            throw new InvalidOperationException("the step reads at most one factor table of each kind");
        if (uops.Any(u => u.BPassStride != 0 && u.BPassStride != layout.HeadStride))
            throw new InvalidOperationException("a batched op's buffers are not HeadStride apart");
        if (uops.Any(u => u.Op == CompactStepOp.Exp && (u.DBase != layout.Scores || u.BBase != layout.Scores || u.BPassStride != layout.HeadStride)))
            throw new InvalidOperationException("an exponentials op does not work in place on the scores of every head");
        // fc2's column counters: nz in 0 .. MlpHidden, the last column and the prefetch pointer below max(MlpHidden, L, 2).
        var spW = IndexWidth(Math.Max(c.MlpHidden, CompactUop.SparseColumns(0, lanes)));
        var nrsA0 = program.NrsA0;
        if (uops.Any(u => u.ExpTailShort != (u.Op == CompactStepOp.Exp && c.NHead > 1)))
            throw new InvalidOperationException("a shorter tail from position 2 on is only the exponentials' with several heads");
        var rowsFloors = uops.Where(u => u.LastColRows).Select(u => u.LastCol).Distinct().ToList();
        if (rowsFloors.Count > 1)
            throw new InvalidOperationException("the scores of two layers have different column floors");
        // OpRcp: head h's steps start at RcpStagger * h: normalize its sum (the sums' ring moves on 2 steps
        // later, pushing the head's weights shift: the last head's sum may still take a term in step 1);
        // the table word arrives 2 steps later and goes straight into mq * y0; it is still there at 4
        // (the address holds until the next head's normalize), when y0 is kept for y0 * (2 - t),
        // chosen at 6 (the next head's word comes at 5: kept at 7); y1 is pushed into the ring at 10.
        var rcpSteps = Enumerable.Range(0, CompactStepProgram.RcpSteps + CompactStepProgram.RcpStagger * (c.NHead - 1)).Select(col =>
        {
            bool At(int k) => Enumerable.Range(0, c.NHead).Any(h => CompactStepProgram.RcpStagger * h + k == col);
            return new { Col = col, Norm = At(0), Pop = At(2), Mul1 = At(2), Y0 = At(4), Mul2 = At(6), Y1 = At(10) };
        }).ToArray();
        var model = new
        {
            Shape = c.ToString(), Lanes = lanes, LanesMinus1 = lanes - 1, LgL = lgL, Single = lanes == 1,
            TokMsb = tokW - 1, TokW = tokW, PosMsb = posW - 1, PosW = posW,
            PcMsb = pcW - 1, PcW = pcW, AW = aw, AMsb = aw - 1, CntW = cntW, CntMsb = cntW - 1,
            ShW = shW, ShMsb = shW - 1, Sh2W = sh2W, Sh2Msb = sh2W - 1, EpsMsb = epsW - 1, TailW = tailW, TailMsb = tailW - 1,
            OpW = opW, OpMsb = opW - 1, EndStage = uops[^1].Stage, EndPc = uops.Count - 1, Program = ops,
            WteRowExpr = string.Create(Inv, $"{aw}'d{layout.WromBase[Model.TensorNames.Wte]} + {ConstMul("tok_in_q", layout.EPerLane)}"),
            WpeRowExpr = string.Create(Inv, $"{aw}'d{layout.WpeBase} + {ConstMul("pos_in_q", layout.EPerLane)}"),
            KPosExpr = ConstMul("pos_blk", c.NEmbd),
            VPosExpr = ConstMul("pos_in_q", layout.EPerLane),
            // The RmsNorm factor tables: entry token * block_size + pos; a full table's word is the entry, a coded one's the entry / 4.
            NormTables = layout.NormTables.Tables.Count > 0, KaxMsb = layout.NormTables.Tables.Count > 0 ? 7 : 6, NtCoded = layout.NormTables.CodeWords.Count > 0,
            EntW = BitLength((long)c.VocabSize * c.BlockSize), EntMsb = BitLength((long)c.VocabSize * c.BlockSize) - 1,
            EntExpr = string.Create(Inv, $"{BitLength((long)c.VocabSize * c.BlockSize)}'({ConstMul("tok_in_q", c.BlockSize)}) + {BitLength((long)c.VocabSize * c.BlockSize)}'(pos_in_q)"),
            NtCodes = layout.NormTables.CodeWords.Select((w, k) => new { Code = U(4, k), Word = U(16, w) }).ToArray(),
            NtFullBase = layout.NormTables.Tables.FirstOrDefault(t => !t.Coded)?.Base ?? 0,
            NtCodeBase = layout.NormTables.Tables.FirstOrDefault(t => t.Coded)?.Base ?? 0,
            WromAMsb = wromAw - 1, WromAW = wromAw, KvxAMsb = kvxAw - 1, KvxAW = kvxAw, VramAMsb = vramAw - 1, VramAW = vramAw,
            VramDepth = layout.VramDepth, Banks = banks, BselMsb = bselW - 1, BselW = bselW,
            MwMsb = mw - 1, MwW = mw, ZMsb = zw - 1, ZW = zw, WwMsb = wwW - 1, WwW = wwW,
            AccW = accW, AccMsb = accW - 1, Acc0W = acc0W, Acc0Msb = acc0W - 1, SinW = sinW, SinMsb = sinW - 1, Rq1W = rq1W, Rq1Msb = rq1W - 1, O2 = pre,
            Sum2W = sum2W, Sum2Msb = sum2W - 1,
            Log2ELow = NonlinearUnits.Log2E - (1 << 15), ThreeFs = 3 << t.RsqrtFracBits,
            RmsC1 = plan.RmsScale & 0x7FFF, RmsC2 = plan.RmsScale >> 15,
            // OpNrs steps: the rsqrt word arrives in step NrsA0 (its address goes out with the last step by 2); a
            // product chosen straight into lane 0 (y0 * y0) in step X is in p_q and sp_d in step X + 2; through
            // fsa_q/fsb_q one step later: in p_q and sp_d in step X + 3, in sp_q from X + 4.
            NrsA0 = nrsA0, NrsY0 = nrsA0, NrsY0Before = nrsA0 - 1, NrsA = nrsA0 + 2, NrsT = nrsA0 + 6, NrsY1 = nrsA0 + 9,
            NrsC1 = nrsA0 + 10, NrsC2 = nrsA0 + 11, NrsP1 = nrsA0 + 14, NrsK = nrsA0 + 15,
            RmsPow2 = program.KShift is not null, KShift = program.KShift ?? 0, NeedY1 = program.KShift is null,
            NrsShift = program.KShift is null ? nrsA0 + 15 : nrsA0 + 9,
            NscLanes = program.NscLanes, NscTwo = program.NscLanes && c.NEmbd > lanes,
            Coarse = Enumerable.Range(1, program.NormCoarse).Select(s => new { Step = s }).ToArray(),
            Fine = Enumerable.Range(program.NormCoarse + 1, 3).Select(s => new { Step = s }).ToArray(),
            ZCases = Enumerable.Range(t.ExpFracBits + 1, zw - t.ExpFracBits - 1).Select(b => new { Bit = b, Shift = b - t.ExpFracBits }).ToArray(),
            ExpFracBits = t.ExpFracBits, ExpIndexBits = t.ExpIndexBits, ExpIndexMsb = t.ExpIndexBits - 1, ExpKTop = t.ExpIndexBits + 4, ExpKMsb = t.ExpIndexBits + 3,
            ExpSelMsb = expSelW - 1,
            ExpShifts = expShifts.Select((e, k) => new { Sel = U(expSelW, k), Shift = e, Half = 1L << (e - 1) }).ToArray(),
            ExpBase = layout.ExpBase, RecBase = layout.RecBase, RsqBase = layout.RsqBase, KfullW = 40,
            EmbShA = uops[0].ShA, EmbShB = uops[0].ShB,
            PosLFloor = Math.Max(lanes - 1, 1),
            // The sequencer's other position bounds: max(pos, L - 1 - HeadTail) (weighted values after a head whose sums
            // fill the lanes) and the scores' pos < L ? max(pos - HeadTail, F) : L - 1 (heads after the first, D < L).
            PosD = uops.Any(u => u.LastColPos && u.LastCol != 1 && u.LastCol != Math.Max(lanes - 1, 1)), PosDFloor = lanes - 1 - CompactUop.HeadTail,
            PosS = rowsFloors.Count > 0, PosSFloor = rowsFloors.Count > 0 ? rowsFloors[0] : 0, PosSAbove = (rowsFloors.Count > 0 ? rowsFloors[0] : 0) + CompactUop.HeadTail,
            HeadTail = CompactUop.HeadTail, ExpTailShort = uops.Any(u => u.ExpTailShort),
            Heads = c.NHead, HeadsMinus1 = c.NHead - 1, HeadsMinus2 = c.NHead - 2, HeadsMinus3 = c.NHead - 3,
            // With 3 or more heads the per-head rings keep elements 1 .. H - 2 in single-port RAM.
            RingRam = c.NHead >= 3, RingRegs = c.NHead >= 3 ? 2 : c.NHead, RingLast = c.NHead >= 3 ? 1 : c.NHead - 1,
            RingAW = IndexWidth(Math.Max(c.NHead - 2, 2)), RingAMsb = IndexWidth(Math.Max(c.NHead - 2, 2)) - 1,
            RcpStagger = CompactStepProgram.RcpStagger,
            // The exponentials write the scores of every head in place: index i9 below H * HeadStride.
            ExpDBase = layout.Scores, XiW = IndexWidth(c.NHead * layout.HeadStride), XiMsb = IndexWidth(c.NHead * layout.HeadStride) - 1, LgStride = CeilLog2(layout.HeadStride), LgStrideMsb = CeilLog2(layout.HeadStride) - 1,
            RcpFfSteps = rcpSteps.Where(r => r.Norm || r.Y0).ToArray(), RcpMulSteps = rcpSteps.Where(r => r.Mul1 || r.Mul2).ToArray(),
            // (The last head's y1: in the cycle after the op's last issue, y1late_q.)
            RcpY1Steps = rcpSteps.Any(r => r.Y1 && r.Col < rcpSteps.Length - 1)
                ? string.Join(" || ", rcpSteps.Where(r => r.Y1 && r.Col < rcpSteps.Length - 1).Select(r => string.Create(Inv, $"col_q == {cntW}'d{r.Col}")))
                : "1'b0",
            RcpPopSteps = string.Join(" || ", rcpSteps.Where(r => r.Pop).Select(r => string.Create(Inv, $"col_q == {cntW}'d{r.Col}"))),
            // fc2's columns per pass: max(nz, L, 2); the row index memory of the compacted hidden vector.
            SparseFloorM1 = CompactUop.SparseColumns(0, lanes) - 1, SparseTwo = CompactUop.SparseColumns(0, lanes) == 2,
            IdxDepth = c.MlpHidden, IdxAW = IndexWidth(c.MlpHidden), IdxAMsb = IndexWidth(c.MlpHidden) - 1,
            NzW = BitLength(c.MlpHidden), NzMsb = BitLength(c.MlpHidden) - 1, SpW = spW, SpMsb = spW - 1,
            ScoreScaled = scoreScaled, ResSelMsb = resSelW - 1,
            Residuals = residuals.Select((r, k) => new { Sel = U(resSelW, k), r.ShA, r.ShB }).ToArray(),
            ScaleExpr = string.Join(" + ", Enumerable.Range(0, 20).Where(b => ((scale >> b) & 1) != 0).Select(b => string.Create(Inv, $"({sinW}'(drv) <<< {b})"))),
        };

        files.AddText("hwgen_crom.sv", templates.Render("compact/hwgen_crom.sv.hbs", new { }));
        files.AddText("hwgen_cram.sv", templates.Render("compact/hwgen_cram.sv.hbs", new { }));
        files.AddText("hwgen_cspram.sv", templates.Render("compact/hwgen_cspram.sv.hbs", new { }));
        files.AddText("hwgen_crq.sv", templates.Render("compact/hwgen_crq.sv.hbs", new { }));
        files.AddText("hwgen_step.sv", templates.Render("compact/hwgen_step.sv.hbs", model));

        // Stage 0 also takes the cycle that registers start_i, token_i and pos_i.
        // fc2's stage depends on the step's count of nonzero hidden codes of its layer (CompactUop.HiddenLayer).
        var stages = program.StageNames.Select((name, k) =>
        {
            var mine = uops.Where(u => u.Stage == k).ToArray();
            int Cycles(int pos, IReadOnlyList<int>? nonzero) => (k == 0 ? 1 : 0) + mine.Sum(u => u.Cycles(pos, lanes, nonzero));
            var stage = new ScheduleStage(name, pos => Cycles(pos, null));
            var sparse = mine.Where(u => u.HiddenLayer >= 0).ToArray();
            if (sparse.Length == 0)
                return stage;
            var rest = mine.Where(u => u.HiddenLayer < 0).Sum(u => u.Cycles(0, lanes)) + sparse.Sum(u => u.Tail) + (k == 0 ? 1 : 0);
            var passes = sparse.Sum(u => u.LastPass + 1);
            return stage with
            {
                DataCycles = Cycles,
                Formula = sparse.Length == 1 && mine.All(u => !u.LastColPos && !u.PassPos && !u.ColsPos)
                    ? string.Create(Inv, $"{passes} * max(nz, {CompactUop.SparseColumns(0, lanes)}) + {rest} cycles, nz = the step's nonzero MLP hidden codes of layer {sparse[0].HiddenLayer} (of {c.MlpHidden})")
                    : "depends on the step's nonzero MLP hidden codes",
            };
        }).ToList();
        return new CompactStepResult(SourceFiles, stages, program.LastLogitWriteGap);
    }

    private static string NormTablesNote(CompactStepLayout layout) => string.Concat(layout.NormTables.Tables.Select(t => string.Create(Inv,
        $"; the {t.Site}{(t.Layer >= 0 ? $" {t.Layer}" : "")} factor table ({(t.Coded ? "4-bit codes, four a word" : "one word an entry")}) from {t.Base}")));

    /// <summary>The source of an op's KVX read address, one-hot (hwgen_step's u_kax, a decoded ROM output,
    /// so that the address mux waits for no decode): 0 embedding, 1 stream B (norms, also the lanes' scale, matrix B), 2 the
    /// residual, 3 the A walk (scores, weighted values), 4 exp table,
    /// 5 1/sqrt table, 6 reciprocal table, 7 a norm's factor table.</summary>
    private static long KvxReadSource(CompactUop u) => u.Op switch
    {
        CompactStepOp.Emb => 1,
        CompactStepOp.Nss => 2,
        CompactStepOp.Nsc => 2,
        CompactStepOp.Mat => u.Residual ? 4 : 2,
        CompactStepOp.Sco or CompactStepOp.Av => 8,
        CompactStepOp.Exp => 16,
        CompactStepOp.Nrs => 32,
        CompactStepOp.Rcp => 64,
        CompactStepOp.Ntb => 128,
        _ => 0,
    };
}
