using HwGen.Model;
using HwGen.Numerics;
using HwGen.Quantization;
using HwGen.Reference;

namespace HwGen.Rtl;

/// <summary>
/// Builds the decode-step program (docs/numerics.md section 5, in order) from a numerics plan: every
/// shift is a difference of the plan's fraction bits, every constant the plan's. It also decides,
/// from the vectors each instruction reads and writes, which instructions must wait for the
/// matrix-vector pipeline to drain (<see cref="StepInstruction.WaitDrain"/>): a matrix-vector
/// product writes its rows up to <see cref="RtlSchedule.MatvecLatency"/> cycles after its last
/// issue, so the next instruction may issue at once only if it touches none of those rows.
/// </summary>
public static class StepProgram
{
    /// <summary>The instructions, ending with <see cref="StepOp.End"/>.</summary>
    public static IReadOnlyList<StepInstruction> Build(NumericsPlan plan, WeightBankLayout rom, VectorMemoryMap vm)
    {
        var c = plan.Config;
        var t = plan.Tables;
        int N(ActivationSite s, int l) => plan.Format(s, l).FracBits;
        int W(string tensor) => plan.Tensor(tensor).Format.FracBits;
        var normRq = t.RsqrtFracBits + 15;
        var list = new List<StepInstruction>();

        StepInstruction Matvec(string stage, string tensor, int src, int srcFrac, int dst, int dstFrac, bool relu = false)
        {
            var p = rom[tensor];
            return new StepInstruction(StepOp.Matvec, stage, WBase: p.Base, Rows: p.Rows, Chunks: p.Chunks, RowSteps: p.Steps, Cols: p.Cols,
                Src: src, Dst: dst, Rq: W(tensor) + srcFrac - dstFrac, Relu: relu);
        }

        StepInstruction Norm(string stage, ActivationSite site, int layer, int src, int dst) =>
            new(StepOp.Norm, stage, Src: src, Dst: dst, Rq: normRq - N(site, layer),
                Eps: plan.RmsEpsCode(plan.NormInputFormat(site, layer).FracBits));

        // A matrix-vector product whose result goes straight into the residual stream: the output
        // is requantized to its own site (Rq), then aligned with x and requantized again (Rq2).
        StepInstruction MatvecResidual(string stage, string tensor, int src, int srcFrac, int oFrac, int xFrac, int outFrac)
        {
            var f = Math.Max(xFrac, oFrac);
            return Matvec(stage, tensor, src, srcFrac, vm.Residual, oFrac) with
            {
                Residual = true, Src2 = vm.Residual, ShA = f - xFrac, ShB = f - oFrac, Rq2 = f - outFrac,
            };
        }

        var wte = rom[TensorNames.Wte];
        var wpe = rom[TensorNames.Wpe];
        var fe = Math.Max(W(TensorNames.Wte), W(TensorNames.Wpe));
        list.Add(new StepInstruction(StepOp.Embed, "embedding", WBase: wte.Base, WBase2: wpe.Base, Chunks: wte.Chunks, Cols: c.NEmbd,
            Dst: vm.Embedding, ShA: fe - W(TensorNames.Wte), ShB: fe - W(TensorNames.Wpe), Rq: fe - N(ActivationSite.Embedding, -1)));
        list.Add(Norm("embedding_norm", ActivationSite.EmbeddingNorm, -1, vm.Embedding, vm.Residual));
        var xFrac = N(ActivationSite.EmbeddingNorm, -1);

        for (var l = 0; l < c.NLayer; l++)
        {
            var p = $"layer{l}.";
            list.Add(Norm(p + "attn_norm", ActivationSite.AttnNorm, l, vm.Residual, vm.Normed));
            var nn = N(ActivationSite.AttnNorm, l);
            list.Add(Matvec(p + "q", TensorNames.AttnWq(l), vm.Normed, nn, vm.Query, N(ActivationSite.Query, l)));
            list.Add(Matvec(p + "k", TensorNames.AttnWk(l), vm.Normed, nn, vm.Key, N(ActivationSite.Key, l)));
            list.Add(Matvec(p + "v", TensorNames.AttnWv(l), vm.Normed, nn, vm.Value, N(ActivationSite.Value, l)));

            var nq = N(ActivationSite.Query, l);
            var nk = N(ActivationSite.Key, l);
            var ns = N(ActivationSite.AttnScores, l);
            var na = N(ActivationSite.AttnWeights, l);
            var scoreFrac = nq + nk + (plan.ScoreShift ?? NumericsPlan.ScoreScaleFracBits);
            list.Add(new StepInstruction(StepOp.Attn, p + "attention", Src: vm.Query, Dst: vm.AttnOutput,
                Layer: l,
                Rq: scoreFrac - ns,
                Rq2: ns + NonlinearUnits.Log2EFracBits - t.ExpIndexBits,
                Rq3: t.RecipFracBits - na,
                Rq4: na + N(ActivationSite.Value, l) - N(ActivationSite.AttnOutput, l)));
            list.Add(MatvecResidual(p + "wo+attn_residual", TensorNames.AttnWo(l), vm.AttnOutput, N(ActivationSite.AttnOutput, l),
                N(ActivationSite.AttnProjection, l), xFrac, N(ActivationSite.AttnResidual, l)));
            xFrac = N(ActivationSite.AttnResidual, l);

            list.Add(Norm(p + "mlp_norm", ActivationSite.MlpNorm, l, vm.Residual, vm.Normed));
            list.Add(Matvec(p + "fc1", TensorNames.MlpFc1(l), vm.Normed, N(ActivationSite.MlpNorm, l), vm.Hidden, N(ActivationSite.MlpHidden, l), relu: true));
            list.Add(MatvecResidual(p + "fc2+mlp_residual", TensorNames.MlpFc2(l), vm.Hidden, N(ActivationSite.MlpHidden, l),
                N(ActivationSite.MlpOutput, l), xFrac, N(ActivationSite.MlpResidual, l)));
            xFrac = N(ActivationSite.MlpResidual, l);
        }

        list.Add(Matvec("lm_head", TensorNames.LmHead, vm.Residual, xFrac, vm.Logits, N(ActivationSite.Logits, -1)));
        list.Add(new StepInstruction(StepOp.End, "end", Src: vm.Logits));
        return MarkDrains(list, vm);
    }

    // Every instruction reads and writes whole vectors, named by their base in the vector memory.
    private static (int[] Reads, int[] Writes) Regions(StepInstruction ins, VectorMemoryMap vm) => ins.Op switch
    {
        StepOp.Embed => ([], [ins.Dst]),
        StepOp.Norm => ([ins.Src], [ins.Dst]),
        StepOp.Matvec when ins.Residual => ([ins.Src, ins.Src2], [ins.Dst]),
        StepOp.Matvec => ([ins.Src], [ins.Dst]),
        StepOp.Attn => ([vm.Query, vm.Key, vm.Value], [ins.Dst]),
        _ => ([ins.Src], []),
    };

    // An instruction waits when it reads or writes a vector that a matrix-vector product issued
    // since the last wait may still be writing (every other op finishes its writes before the next
    // instruction issues). The last instruction, End, reads the logits: it always waits.
    private static List<StepInstruction> MarkDrains(List<StepInstruction> program, VectorMemoryMap vm)
    {
        var inFlight = new HashSet<int>();
        for (var k = 0; k < program.Count; k++)
        {
            var (reads, writes) = Regions(program[k], vm);
            var wait = k == program.Count - 1 || reads.Concat(writes).Any(inFlight.Contains);
            if (wait)
                inFlight.Clear();
            if (program[k].Op == StepOp.Matvec)
                inFlight.UnionWith(writes);
            program[k] = program[k] with { WaitDrain = wait };
        }
        return program;
    }
}
