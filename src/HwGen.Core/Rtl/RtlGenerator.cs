using System.Globalization;
using HwGen.Numerics;
using HwGen.Quantization;
using HwGen.Rendering;
using static HwGen.Rtl.SvLiteral;

namespace HwGen.Rtl;

/// <summary>
/// Renders the SystemVerilog of the core (docs/hardware.md) for a numerics plan and a lane count.
/// Every width, bound, address, shift and ROM word is computed here from the plan and the table
/// functions of <see cref="HwGen.Numerics"/>; the templates only substitute and iterate.
/// </summary>
public static class RtlGenerator
{
    /// <summary>The top module.</summary>
    public const string Top = "hwgen_core";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Generates the design in memory from the shipped templates; same inputs give the same files, byte for byte.</summary>
    public static RtlDesign Generate(NumericsPlan plan, RtlOptions options) =>
        Generate(plan, options, TemplateRenderer.ForShipped(TemplateFolders.Hdl));

    /// <summary>Generates the design in memory with <paramref name="templates"/>.</summary>
    /// <exception cref="ArgumentException">The plan's tables are not those of the architecture (<see cref="CoreArchs.PlanFor"/> makes them so).</exception>
    public static RtlDesign Generate(NumericsPlan plan, RtlOptions options, TemplateRenderer templates)
    {
        options = options.Validated();
        if (options.Arch == CoreArch.Compact)
        {
            if (plan.Tables != TableParameters.Compact)
                throw new ArgumentException($"the compact core is built for {TableParameters.Compact}; the plan has {plan.Tables} (use CoreArchs.PlanFor)", nameof(plan));
            return CompactGenerator.Generate(plan, options, templates);
        }
        var c = plan.Config;
        var lanes = options.Lanes;
        var grid = LaneGrid.For(c, lanes);
        var (cols, groups) = (grid.Columns, grid.RowGroups);
        var t = plan.Tables;

        var rom = new WeightBankLayout(plan.Tensors.Select(q => (q.Name, q.Rows, q.Cols)), grid);
        var vm = VectorMemoryMap.For(c, grid);
        var program = StepProgram.Build(plan, rom, vm);
        var schedule = RtlSchedule.For(c, grid, program);
        if (program.Count > CoreStage.FirstPhase)
            throw new HwGenException($"The decode step of {c} has {program.Count} instructions; dbg_stage_o shows at most {CoreStage.FirstPhase}. Use fewer layers.");

        // ---- widths, all from the plan ----
        var accs = plan.Accumulators().ToDictionary(a => a.Name, a => a.Bits);
        var accW = new[] { "q_k_v_wo_fc1_lm_head", "fc2" }.Max(n => accs[n]);
        var ssW = accs["rms_sum_of_squares"];
        var softmaxSumW = accs["softmax_sum"];
        var samplerSumW = accs["sampler_sum"];
        var expTable = ExpTable.Generate(t.ExpIndexBits, t.ExpFracBits);
        var recipTable = ReciprocalTable.Generate(t.RecipIndexBits, t.RecipFracBits);
        var rsqrtTable = RsqrtTable.Generate(t.RsqrtIndexBits, t.RsqrtFracBits);
        var expW = BitLength(expTable.Max());
        var recipTableW = BitLength(recipTable.Max());
        var rsqrtTableW = BitLength(rsqrtTable.Max());
        var recipOutW = t.RecipFracBits + 2;
        var rsqrtOutW = t.RsqrtFracBits + 2;
        var maxEps = program.Where(i => i.Op == StepOp.Norm).Max(i => i.Eps);
        var epsW = BitLength(maxEps);
        var normUW = Math.Max(ssW, epsW) + 1;
        var rmsScale = plan.RmsScale;
        var normScaleW = BitLength(rmsScale) + rsqrtOutW - NumericsPlan.RmsScaleFracBits;
        var recipInW = Math.Max(Math.Max(softmaxSumW, samplerSumW), 16);
        var lambdaW = BitLength(NonlinearUnits.Log2E) + recipOutW - NumericsPlan.LambdaShift;
        var expArgW = 17 + Math.Max(lambdaW, BitLength(NonlinearUnits.Log2E)) + 3;
        // The step's requantizers: matrix-vector accumulators, x * K of RmsNorm, aligned residual sums.
        var rqW = new[] { accW + 1, 16 + normScaleW + 1, 17 + 15 + 1 }.Max();
        var tokW = IndexWidth(c.VocabSize);
        var posW = CeilLog2(c.BlockSize + 1L);
        var maxCount = new[]
        {
            c.MlpHidden + lanes, c.VocabSize + groups, c.BlockSize + 1, c.NEmbd + cols, program.Max(i => i.Chunks) * cols + cols,
            2 * program.Max(i => i.Chunks) + 1, program.Max(i => i.RowSteps * i.Chunks) + 1,
        }.Max();
        var cntW = Math.Max(IndexWidth(maxCount + 1), posW);
        var vAddrW = IndexWidth(vm.Depth);
        var wAddrW = IndexWidth(rom.Depth);
        var layerW = Math.Max(1, CeilLog2(c.NLayer));
        var pcW = IndexWidth(program.Count);
        var grpW = IndexWidth(groups);
        var divW = new[] { tokW, posW, BitLength(groups) }.Max();

        var files = new BuildPlan(options.ModelHash);
        void Sv(string module, object model) => files.AddText(module + ".sv", templates.Render(module + ".sv.hbs", model));

        // ---- ROM images ----
        var banks = new List<object>();
        for (var b = 0; b < rom.Banks; b++)
        {
            var file = $"weights_bank{b}.mem";
            var words = rom.BankWords(b, name => plan.Tensor(name).Codes);
            var (g, col) = (b / cols, b % cols);
            files.AddText(file, MemImage.Format(words.Select(w => (long)w), 16,
                ($"Weight bank {b} of {rom.Banks} (row group {g} of {groups}, column lane {col} of {cols}): word Base+s*Chunks+k holds W[s*{groups}+{g}][k*{cols}+{col}].")));
            banks.Add(new { Index = b, MemFile = file, Msb = 16 * b + 15, Lsb = 16 * b });
        }
        files.AddText("exp2_table.mem", MemImage.Format(expTable.Select(v => (long)v), expW,
            ($"ExpTable.Generate({t.ExpIndexBits}, {t.ExpFracBits}).")));
        files.AddText("recip_table.mem", MemImage.Format(recipTable.Select(v => (long)v), recipTableW,
            ($"ReciprocalTable.Generate({t.RecipIndexBits}, {t.RecipFracBits}).")));
        files.AddText("rsqrt_table.mem", MemImage.Format(rsqrtTable.Select(v => (long)v), rsqrtTableW,
            ($"RsqrtTable.Generate({t.RsqrtIndexBits}, {t.RsqrtFracBits}).")));

        // ---- modules ----
        Sv("hwgen_rom", new { });
        Sv("hwgen_weight_rom", new
        {
            Lanes = lanes, ColLanes = cols, RowGroups = groups, Depth = rom.Depth, AddrW = wAddrW,
            AddrMsb = wAddrW - 1, DataMsb = 16 * lanes - 1, Banks = banks,
        });
        Sv("hwgen_exp2", new
        {
            IndexBits = t.ExpIndexBits, FracBits = t.ExpFracBits, IndexMask = (1 << t.ExpIndexBits) - 1,
            IndexMsb = t.ExpIndexBits - 1, WW = expArgW, WMsb = expArgW - 1, EW = expW, EMsb = expW - 1,
            Depth = expTable.Length, MemFile = "exp2_table.mem",
        });
        Sv("hwgen_recip", new
        {
            FracBits = t.RecipFracBits, IndexBits = t.RecipIndexBits, IndexLsb = 31 - t.RecipIndexBits,
            VW = recipInW, VMsb = recipInW - 1, YW = recipTableW, YMsb = recipTableW - 1, OutW = recipOutW, OutMsb = recipOutW - 1,
            Depth = recipTable.Length, MemFile = "recip_table.mem", MqShift = 31 - t.RecipFracBits,
            TwoPow = Unsigned(64, 1L << (t.RecipFracBits + 1)),
        });
        Sv("hwgen_rsqrt", new
        {
            FracBits = t.RsqrtFracBits, FracBitsPlus1 = t.RsqrtFracBits + 1, IndexLsb = 30 - t.RsqrtIndexBits,
            AddrW = t.RsqrtIndexBits + 2, IndexOffset = 1 << t.RsqrtIndexBits,
            UW = normUW, UMsb = normUW - 1, YW = rsqrtTableW, YMsb = rsqrtTableW - 1, OutW = rsqrtOutW, OutMsb = rsqrtOutW - 1,
            Depth = rsqrtTable.Length, MemFile = "rsqrt_table.mem", MqShift = 30 - t.RsqrtFracBits,
            ThreePow = Unsigned(64, 3L << t.RsqrtFracBits),
        });

        // ---- the step's requantizers: each site's shifts are the program's constants (a case picks one) ----
        var rqShifts = program.Where(i => i.Op == StepOp.Matvec).Select(i => i.Rq).Distinct().Order().ToList();
        var residuals = program.Where(i => i.Op == StepOp.Matvec && i.Residual).Select(i => (i.ShA, i.ShB, i.Rq2)).Distinct().ToList();
        if (residuals.Count == 0)
            residuals.Add((0, 0, 0));
        var rqSelW = IndexWidth(rqShifts.Count);
        var resSelW = IndexWidth(residuals.Count);
        // RmsNorm shifts x * K by r = Rq - s/2 with the rsqrt's s (numerics.md 4.2: s = 30 - b or
        // 31 - b, b = floor(log2 u) < normUW), so r lies in normShift - normSpan .. normShift. The
        // lanes shift x * K left by the constant normC (so that r + normC >= 1), drop the normD low
        // bits that only feed the sticky bit, then shift right by e = r + normC - normD - 1 (0 .. normSpan).
        var halves = Enumerable.Range(0, normUW).Select(b => ((b & 1) == 0 ? 30 - b : 31 - b) / 2).ToList();
        var norms = program.Where(i => i.Op == StepOp.Norm).ToList();
        var normShift = norms.Max(i => i.Rq - halves.Min());
        var normSpan = norms.Max(i => normShift - i.Rq + halves.Max());
        var normTW = BitLength(normSpan);
        var normC = Math.Max(0, 1 - (normShift - normSpan));
        var normD = normShift - normSpan + normC - 1;
        var normWideW = normScaleW + 17 + normC;
        var normP1W = Math.Max(normWideW - normD, 18);
        var rqXW = rqW;
        var embed = program.Single(i => i.Op == StepOp.Embed);
        var vectors = StepVectorView.For(c, vm, program);
        string Slice(StepVectorView v) => string.Create(Inv, $"s{v.Store}_q[{16 * (v.Offset + v.Len) - 1}:{16 * v.Offset}]");
        string VectorAt(int b) => Slice(vectors.Single(v => v.Base == b));

        var ops = program.Select((ins, pc) => new
        {
            Pc = Unsigned(pcW, pc),
            Comment = $"{ins.Stage}: {ins.Op}",
            Op = "Op" + ins.Op,
            IsMatvec = ins.Op == StepOp.Matvec,
            NextOp = pc + 1 < program.Count ? "Op" + program[pc + 1].Op : "OpEnd",
            NextWait = pc + 1 >= program.Count || program[pc + 1].WaitDrain ? "1'b1" : "1'b0",
            RowSteps = Unsigned(cntW, ins.RowSteps),
            WBase = Unsigned(wAddrW, ins.WBase),
            WBase2 = Unsigned(wAddrW, ins.WBase2),
            Rows = Unsigned(cntW, ins.Rows),
            Chunks = Unsigned(cntW, ins.Chunks),
            Cols = Unsigned(cntW, ins.Cols),
            Src = Unsigned(vAddrW, ins.Src),
            Src2 = Unsigned(vAddrW, ins.Src2),
            Dst = Unsigned(vAddrW, ins.Dst),
            Layer = Unsigned(layerW, ins.Layer),
            ShA = Unsigned(4, ins.ShA),
            ShB = Unsigned(4, ins.ShB),
            Rq = Signed(8, ins.Rq),
            Rq2 = Signed(8, ins.Rq2),
            Rq3 = Signed(8, ins.Rq3),
            Rq4 = Signed(8, ins.Rq4),
            Relu = ins.Relu ? "1'b1" : "1'b0",
            Residual = ins.Residual ? "1'b1" : "1'b0",
            Eps = Unsigned(epsW, ins.Eps),
            RqSel = Unsigned(rqSelW, ins.Op == StepOp.Matvec ? rqShifts.IndexOf(ins.Rq) : 0),
            ResSel = Unsigned(resSelW, ins.Residual ? residuals.IndexOf((ins.ShA, ins.ShB, ins.Rq2)) : 0),
            NormE0 = Signed(8, ins.Op == StepOp.Norm ? normSpan - (normShift - ins.Rq) : 0),
        }).ToArray();

        Sv("hwgen_attention", AttentionView.For(plan, lanes));
        Sv("hwgen_step", new
        {
            Lanes = lanes, ColLanes = cols, RowGroups = groups, MatvecLatency = RtlSchedule.MatvecLatency,
            NormChunksLast = (c.NEmbd + cols - 1) / cols - 1,
            LogitsMsb = 16 * c.VocabSize - 1, LastPc = Unsigned(pcW, program.Count - 1),
            FirstOp = "Op" + program[0].Op, GrpMsb = grpW - 1,
            DivW = divW, DivMsb = divW - 1,
            ColBusMsb = 16 * cols - 1, RowBusMsb = 16 * groups - 1, WBusMsb = 16 * lanes - 1,
            ProdBusMsb = 32 * lanes - 1, SumBusMsb = accW * groups - 1,
            TokMsb = tokW - 1, PosMsb = posW - 1,
            VAddrW = vAddrW, VAddrMsb = vAddrW - 1,
            AccW = accW, RqW = rqW, SsW = ssW, NormScaleW = normScaleW,
            RowMsb = 16 * c.NEmbd - 1, LayerMsb = layerW - 1,
            WAddrW = wAddrW, WAddrMsb = wAddrW - 1, CntW = cntW, CntMsb = cntW - 1,
            EpsMsb = epsW - 1,
            PcW = pcW, PcMsb = pcW - 1,
            NormUW = normUW, NormUMsb = normUW - 1,
            RsqrtOutMsb = rsqrtOutW - 1,
            RmsScale = Unsigned(64, rmsScale), RmsScaleFracBits = NumericsPlan.RmsScaleFracBits,
            Program = ops,
            RqSelMsb = rqSelW - 1, ResSelMsb = resSelW - 1,
            RqShifts = rqShifts.Select((rq, k) => new { Sel = Unsigned(rqSelW, k), Rq = Signed(8, rq) }).ToArray(),
            Residuals = residuals.Select((r, k) => new
            {
                Sel = Unsigned(resSelW, k), ShA = Unsigned(5, r.ShA), ShB = Unsigned(5, r.ShB), Rq2 = Signed(8, r.Rq2),
            }).ToArray(),
            RqXW = rqXW, RqXW16 = rqXW + 16, RqXW16Msb = rqXW + 15, NormTW = normTW,
            NormC = normC, NormD = normD, NormWideW = normWideW, NormWideMsb = normWideW - 1, NormP1W = normP1W,
            EmbWBase = Unsigned(wAddrW, embed.WBase), EmbWBase2 = Unsigned(wAddrW, embed.WBase2), EmbChunks = embed.Chunks,
            EmbShA = embed.ShA, EmbShB = embed.ShB, EmbRq = Signed(8, embed.Rq),
            Stores = vectors.Where((v, k) => k == v.Store).Select(h => new
            {
                Index = h.Store, BusMsb = 16 * h.Len - 1, Names = string.Join(", ", vectors.Where(v => v.Store == h.Store).Select(v => v.Name)),
                AnyWrite = vectors.Any(v => v.Store == h.Store && (v.LaneWrite || v.RowWrite || v.WholeWrite)),
                Members = vectors.Where(v => v.Store == h.Store).Select(v => new
                {
                    v.Name, v.Len, v.Store, v.Offset, BaseLit = Unsigned(vAddrW, v.Base), v.LaneWrite, v.RowWrite, v.WholeWrite,
                    CntW = cntW, VAddrW = vAddrW,
                }).ToArray(),
            }).ToArray(),
            Vectors = vectors.Select(v =>
            {
                var (chunks, steps) = ((v.Len + cols - 1) / cols, (v.Len + groups - 1) / groups);
                var pad = Math.Max(chunks * cols, steps * groups);
                return new
                {
                    v.Name, v.Len, BaseLit = Unsigned(vAddrW, v.Base), Slice = Slice(v),
                    Chunks = chunks, Steps = steps, PadBusW = 16 * pad, PadBusMsb = 16 * pad - 1,
                    v.ChunkRead, v.RowRead, AnyRead = v.ChunkRead || v.RowRead, CntW = cntW, VAddrW = vAddrW,
                };
            }).ToArray(),
            LogitsVector = VectorAt(vm.Logits), QueryVector = VectorAt(vm.Query), KeyVector = VectorAt(vm.Key), ValueVector = VectorAt(vm.Value),
        });

        Sv("hwgen_sampler", SamplerView.For(plan, lanes));

        Sv("hwgen_core", CoreModel(c, lanes));

        // Dependency order: leaves first, the top last.
        string[] sources =
        [
            "hwgen_rom.sv", "hwgen_weight_rom.sv", "hwgen_exp2.sv", "hwgen_recip.sv", "hwgen_rsqrt.sv",
            "hwgen_attention.sv", "hwgen_step.sv", "hwgen_sampler.sv", "hwgen_core.sv",
        ];
        files.AddText(RtlDesign.ManifestFile, string.Join('\n', sources) + "\n");
        files.AddText("schedule.txt", schedule.Describe(0));
        return new RtlDesign(files, sources, schedule, lanes, Top);
    }

    /// <summary>
    /// The view of hwgen_core.sv.hbs, the top that every architecture shares. With
    /// <paramref name="serialLogits"/> the step writes its logits one at a time (logit_we_o, logit_idx_o,
    /// logit_o) and the sampler takes the same writes, instead of the logits bus.
    /// </summary>
    internal static object CoreModel(Model.ModelConfig c, int lanes, bool serialLogits = false)
    {
        var tokW = IndexWidth(c.VocabSize);
        var posW = CeilLog2(c.BlockSize + 1L);
        return new
        {
            Shape = c.ToString(), Lanes = lanes, TokW = tokW, TokMsb = tokW - 1, PosW = posW, PosMsb = posW - 1,
            Bos = c.Bos, LastToken = c.VocabSize - 1, LastPos = c.BlockSize - 1, LogitBusMsb = 16 * c.VocabSize - 1,
            StageDebugWait = CoreStage.DebugWait, StagePrompt = CoreStage.Prompt, StageSampling = CoreStage.Sampling,
            StageEmit = CoreStage.Emit, StageDone = CoreStage.Done, StageIdle = CoreStage.Idle,
            SerialLogits = serialLogits, DbgRamLast = 2 * (1 << tokW) - 1,
        };
    }
}
