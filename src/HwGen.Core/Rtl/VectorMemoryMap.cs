namespace HwGen.Rtl;

/// <summary>
/// Where each activation vector of a step lives in hwgen_step's vector memory. Regions follow each
/// other; <see cref="Depth"/> adds one chunk of C column lanes of padding so chunk reads past a
/// vector's end stay inside the memory (those lanes meet zero weights or are masked).
/// </summary>
public sealed record VectorMemoryMap(int Embedding, int Residual, int Normed, int Query, int Key, int Value,
    int AttnOutput, int Hidden, int Logits, int Depth)
{
    /// <summary>The map of a model shape and lane grid.</summary>
    public static VectorMemoryMap For(Model.ModelConfig c, LaneGrid grid)
    {
        var next = 0;
        int Take(int n)
        {
            var b = next;
            next += n;
            return b;
        }

        var e = c.NEmbd;
        var map = new VectorMemoryMap(Take(e), Take(e), Take(e), Take(e), Take(e), Take(e), Take(e),
            Take(c.MlpHidden), Take(c.VocabSize), 0);
        return map with { Depth = next + grid.Columns };
    }
}
