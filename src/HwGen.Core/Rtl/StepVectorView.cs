namespace HwGen.Rtl;

/// <summary>
/// One activation vector of hwgen_step as its own register array (the template's view): how the
/// program reaches it decides which write ports and read multiplexers it gets, and every access uses
/// a fixed word index per port, so the vector memory has no run-time address decoders.
/// </summary>
/// <param name="Name">The role, e.g. "residual" (a SystemVerilog identifier part).</param>
/// <param name="Base">Its base in <see cref="VectorMemoryMap"/> (what instructions name it by).</param>
/// <param name="Len">Its words.</param>
/// <param name="LaneWrite">Written C lanes per cycle (Embed, Norm destination).</param>
/// <param name="RowWrite">Written R rows per cycle by the matrix-vector writeback.</param>
/// <param name="WholeWrite">Written whole (the attention output).</param>
/// <param name="ChunkRead">Read C lanes per cycle (Norm or matrix-vector source).</param>
/// <param name="RowRead">Read R rows per cycle at the writeback (the residual of Wo and fc2).</param>
public sealed record StepVectorView(string Name, int Base, int Len,
    bool LaneWrite, bool RowWrite, bool WholeWrite, bool ChunkRead, bool RowRead)
{
    /// <summary>The vectors of a program, in memory-map order; throws when an instruction breaks an assumption of the template.</summary>
    public static IReadOnlyList<StepVectorView> For(Model.ModelConfig c, VectorMemoryMap vm, IReadOnlyList<StepInstruction> program)
    {
        (string Name, int Base, int Len)[] roles =
        [
            ("embedding", vm.Embedding, c.NEmbd), ("residual", vm.Residual, c.NEmbd), ("normed", vm.Normed, c.NEmbd),
            ("query", vm.Query, c.NEmbd), ("key", vm.Key, c.NEmbd), ("value", vm.Value, c.NEmbd),
            ("attn_output", vm.AttnOutput, c.NEmbd), ("hidden", vm.Hidden, c.MlpHidden), ("logits", vm.Logits, c.VocabSize),
        ];
        int LenOf(int b) => roles.Single(r => r.Base == b).Len;
        foreach (var ins in program.Where(i => i.Op == StepOp.Matvec))
        {
            // The writeback stores every row of its vector and nothing past it; the source holds the dot product.
            if (ins.Rows != LenOf(ins.Dst) || ins.Cols != LenOf(ins.Src) || (ins.Residual && ins.Src2 != ins.Dst))
                throw new InvalidOperationException($"{ins.Stage}: rows {ins.Rows} x cols {ins.Cols} do not match its vectors");
        }
        return roles.Select(r => new StepVectorView(r.Name, r.Base, r.Len,
            LaneWrite: program.Any(i => (i.Op is StepOp.Embed or StepOp.Norm) && i.Dst == r.Base),
            RowWrite: program.Any(i => i.Op == StepOp.Matvec && i.Dst == r.Base),
            WholeWrite: program.Any(i => i.Op == StepOp.Attn && i.Dst == r.Base),
            ChunkRead: program.Any(i => (i.Op is StepOp.Norm or StepOp.Matvec) && i.Src == r.Base),
            RowRead: program.Any(i => i.Op == StepOp.Matvec && i.Residual && i.Src2 == r.Base))).ToList();
    }
}
