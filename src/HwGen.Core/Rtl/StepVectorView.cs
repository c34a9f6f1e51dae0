namespace HwGen.Rtl;

/// <summary>
/// One activation vector of hwgen_step (the template's view): how the program reaches it decides
/// which write ports and read multiplexers it gets, and every access uses a fixed word index per
/// port, so the vector memory has no run-time address decoders. Vectors whose lifetimes within a
/// step never overlap share a register array (<see cref="Store"/>, at <see cref="Offset"/>).
/// </summary>
/// <param name="Name">The role, e.g. "residual" (a SystemVerilog identifier part).</param>
/// <param name="Base">Its base in <see cref="VectorMemoryMap"/> (what instructions name it by).</param>
/// <param name="Len">Its words.</param>
/// <param name="LaneWrite">Written C lanes per cycle (Embed, Norm destination).</param>
/// <param name="RowWrite">Written R rows per cycle by the matrix-vector writeback.</param>
/// <param name="WholeWrite">Written whole (the attention output).</param>
/// <param name="ChunkRead">Read C lanes per cycle (Norm or matrix-vector source).</param>
/// <param name="RowRead">Read R rows per cycle at the writeback (the residual of Wo and fc2).</param>
/// <param name="Store">The register array that holds it (the index of its first vector).</param>
/// <param name="Offset">Its first word in that array.</param>
public sealed record StepVectorView(string Name, int Base, int Len,
    bool LaneWrite, bool RowWrite, bool WholeWrite, bool ChunkRead, bool RowRead, int Store = 0, int Offset = 0)
{
    /// <summary>
    /// The vectors of a program, in memory-map order, with their register arrays. Two vectors share
    /// words only when one is last read by an instruction before the other's first instruction,
    /// which writes it whole (so neither is read before it is written in a step), and both have the
    /// same write ports (no data multiplexer is added). The logits never share: logits_o shows them
    /// until the next step's lm_head. A vector's words are those of <see cref="Store"/> from <see cref="Offset"/>. Throws when an instruction breaks an assumption of the template.
    /// </summary>
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

        var views = roles.Select(r => new StepVectorView(r.Name, r.Base, r.Len,
            LaneWrite: program.Any(i => (i.Op is StepOp.Embed or StepOp.Norm) && i.Dst == r.Base),
            RowWrite: program.Any(i => i.Op == StepOp.Matvec && i.Dst == r.Base),
            WholeWrite: program.Any(i => i.Op == StepOp.Attn && i.Dst == r.Base),
            ChunkRead: program.Any(i => (i.Op is StepOp.Norm or StepOp.Matvec) && i.Src == r.Base),
            RowRead: program.Any(i => i.Op == StepOp.Matvec && i.Residual && i.Src2 == r.Base))).ToList();

        // Lifetimes: the first and last instruction that touches each vector, if it may share.
        var life = views.Select(v => Lifetime(v.Base, vm, program)).ToList();
        var placed = new List<(int View, int Store, int Offset)>();
        foreach (var k in Enumerable.Range(0, views.Count).OrderByDescending(k => views[k].Len).ThenBy(k => k))
        {
            var v = views[k];
            var spot = life[k] is { } mine && v.Base != vm.Logits
                ? placed.Where(p => p.View == p.Store && views[p.Store].Base != vm.Logits && Kinds(views[p.Store]) == Kinds(v))
                    .SelectMany(host => placed.Where(p => p.Store == host.Store).Select(p => p.Offset + views[p.View].Len).Prepend(0)
                        .Select(off => (Store: host.Store, Offset: off)))
                    .FirstOrDefault(s => s.Offset + v.Len <= views[s.Store].Len && placed.Where(p => p.Store == s.Store).All(p =>
                        p.Offset + views[p.View].Len <= s.Offset || s.Offset + v.Len <= p.Offset
                        || (life[p.View] is { } other && (other.Last < mine.First || mine.Last < other.First))),
                        (Store: -1, Offset: 0))
                : (Store: -1, Offset: 0);
            placed.Add(spot.Store < 0 ? (k, k, 0) : (k, spot.Store, spot.Offset));
        }
        return placed.OrderBy(p => p.View).Select(p => views[p.View] with { Store = p.Store, Offset = p.Offset }).ToList();
    }

    private static (bool, bool, bool) Kinds(StepVectorView v) => (v.LaneWrite, v.RowWrite, v.WholeWrite);

    // The instructions that read and write vector b, and the span from the first to the last; null
    // when the vector must keep its own words: read before it is written, or written by a
    // matrix-vector product in its last instruction (rows still in the pipeline after it).
    private static (int First, int Last)? Lifetime(int b, VectorMemoryMap vm, IReadOnlyList<StepInstruction> program)
    {
        var touches = new List<(int Pc, bool Read, bool Write)>();
        for (var pc = 0; pc < program.Count; pc++)
        {
            var ins = program[pc];
            var (reads, writes) = ins.Op switch
            {
                StepOp.Embed => (Array.Empty<int>(), new[] { ins.Dst }),
                StepOp.Norm => ([ins.Src], [ins.Dst]),
                StepOp.Matvec when ins.Residual => ([ins.Src, ins.Src2], [ins.Dst]),
                StepOp.Matvec => ([ins.Src], [ins.Dst]),
                StepOp.Attn => ([vm.Query, vm.Key, vm.Value], [ins.Dst]),
                _ => ([ins.Src], []),
            };
            if (reads.Contains(b) || writes.Contains(b))
                touches.Add((pc, reads.Contains(b), writes.Contains(b)));
        }
        if (touches.Count == 0 || touches[0].Read || !touches[0].Write || !touches[^1].Read
            || (touches[^1].Write && program[touches[^1].Pc].Op == StepOp.Matvec))
            return null;
        return (touches[0].Pc, touches[^1].Pc);
    }
}
