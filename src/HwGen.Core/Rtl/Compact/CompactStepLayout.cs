using HwGen.Model;
using HwGen.Quantization;

namespace HwGen.Rtl.Compact;

/// <summary>
/// The memories of the compact step for a model shape and L lanes (docs/hardware.md):
/// <list type="bullet">
/// <item>weight ROM, L banks at one shared address: wte column-interleaved (element i of row r in
/// bank i mod L, word Base + r * n_embd / L + i / L); every other tensor but wpe row-interleaved in
/// passes (row s * L + l, column c in bank l, word Base + s * Cols + c; 0 past the last row);</item>
/// <item>the lane-interleaved RAM (KVX), L banks at one shared read address: the exp, recip and
/// rsqrt tables (entry k in bank k mod L, word Base + k / L), wpe (column-interleaved like wte, so
/// that the embedding reads wte and wpe in the same cycle), x0 and x (element j in bank j mod L),
/// per layer the keys position-major (position t in bank t mod L, word K + (t / L) * n_embd + j)
/// and the values element-major (element j in bank j mod L, word V + t * n_embd / L + j / L), then
/// the RmsNorm factor tables that fit in the block RAMs' spare words (<see cref="CompactNormTables"/>);</item>
/// <item>the vector RAM: the normed vector, query, attention output, MLP hidden vector, and the
/// scores of every head (head h at Scores + h * HeadStride, HeadStride = BlockSize rounded up to a
/// power of two), which the exponentials and then the softmax weights overwrite in place.</item>
/// </list>
/// </summary>
public sealed class CompactStepLayout
{
    /// <summary>The layout of <paramref name="plan"/> on <paramref name="lanes"/> lanes with the RmsNorm factor tables that fit (<see cref="CompactNormTables"/>).</summary>
    public static CompactStepLayout For(NumericsPlan plan, int lanes)
    {
        var bare = new CompactStepLayout(plan.Config, lanes);
        var tables = CompactNormTables.For(plan, bare);
        return tables.WordsPerBank == 0 ? bare : new CompactStepLayout(plan.Config, lanes, tables);
    }

    /// <summary>The layout without RmsNorm factor tables, or with <paramref name="normTables"/> after the step's own KVX words.</summary>
    public CompactStepLayout(ModelConfig c, int lanes, CompactNormTables? normTables = null)
    {
        var e = c.NEmbd;
        L = lanes;
        EPerLane = e / lanes;
        var next = 0;
        var wrom = new Dictionary<string, int>();
        foreach (var (name, rows, cols) in c.TensorShapes())
        {
            if (name == TensorNames.Wpe)
                continue;
            wrom[name] = next;
            next += name == TensorNames.Wte ? rows * EPerLane : (rows + lanes - 1) / lanes * cols;
        }
        WromBase = wrom;
        WromDepth = next;

        ExpBase = 0;
        RecBase = ExpBase + Ceil(256, lanes);
        RsqBase = RecBase + Ceil(256, lanes);
        WpeBase = RsqBase + Ceil(192, lanes);
        X0Base = WpeBase + c.BlockSize * EPerLane;
        XBase = X0Base + EPerLane;
        KeyLen = (c.BlockSize + lanes - 1) / lanes * e;
        ValueLen = c.BlockSize * EPerLane;
        KeyBase = XBase + EPerLane;
        ValueBase = KeyBase + c.NLayer * KeyLen;
        NormTables = normTables ?? CompactNormTables.None(lanes);
        KvxDepth = ValueBase + c.NLayer * ValueLen + NormTables.WordsPerBank;

        Normed = 0;
        Query = e;
        AttnOut = 2 * e;
        Hidden = 3 * e;
        Scores = Hidden + c.MlpHidden;
        HeadStride = 2;
        while (HeadStride < c.BlockSize)
            HeadStride *= 2;
        VramDepth = Scores + c.NHead * HeadStride;
        BlockSize = c.BlockSize;
    }

    private static int Ceil(int n, int d) => (n + d - 1) / d;

    public int L { get; }
    public int EPerLane { get; }
    public IReadOnlyDictionary<string, int> WromBase { get; }
    public int WromDepth { get; }
    public int ExpBase { get; }
    public int RecBase { get; }
    public int RsqBase { get; }
    public int WpeBase { get; }
    public int X0Base { get; }
    public int XBase { get; }
    public int KeyLen { get; }
    public int ValueLen { get; }
    public int KeyBase { get; }
    public int ValueBase { get; }
    public int KvxDepth { get; }

    /// <summary>The RmsNorm factor tables after the values (none: every norm computed).</summary>
    public CompactNormTables NormTables { get; }
    public int Normed { get; }
    public int Query { get; }
    public int AttnOut { get; }
    public int Hidden { get; }
    public int Scores { get; }

    /// <summary>Words between two heads' scores (BlockSize rounded up to a power of two, at least 2).</summary>
    public int HeadStride { get; }

    /// <summary>The vector RAM base of head <paramref name="h"/>'s scores, exponentials and softmax weights (in place).</summary>
    public int ScoresOf(int h) => Scores + h * HeadStride;

    /// <summary>Positions per sequence (the used length of a head's scores buffer).</summary>
    public int BlockSize { get; }
    public int VramDepth { get; }

    /// <summary>The words of weight bank <paramref name="bank"/>.</summary>
    public short[] WromWords(ModelConfig c, int bank, Func<string, IReadOnlyList<short>> codes)
    {
        var words = new short[WromDepth];
        foreach (var (name, rows, cols) in c.TensorShapes())
        {
            if (name == TensorNames.Wpe)
                continue;
            var w = codes(name);
            var b = WromBase[name];
            if (name == TensorNames.Wte)
            {
                for (var r = 0; r < rows; r++)
                    for (var k = 0; k < EPerLane; k++)
                        words[b + r * EPerLane + k] = w[r * cols + k * L + bank];
            }
            else
            {
                for (var s = 0; s * L < rows; s++)
                {
                    var r = s * L + bank;
                    for (var col = 0; col < cols; col++)
                        words[b + s * cols + col] = r < rows ? w[r * cols + col] : (short)0;
                }
            }
        }
        return words;
    }

    /// <summary>The initial words of KVX bank <paramref name="bank"/>: the tables, wpe and the RmsNorm factor tables, zeros elsewhere.</summary>
    public long[] KvxWords(int bank, int[] exp, int[] recip, int[] rsqrt, IReadOnlyList<short> wpe, int embd)
    {
        var words = new long[KvxDepth];
        for (var k = 0; k < wpe.Count; k++)
        {
            var (pos, i) = (k / embd, k % embd);
            if (i % L == bank)
                words[WpeBase + pos * EPerLane + i / L] = wpe[k];
        }
        void Put(int[] table, int b)
        {
            for (var k = bank; k < table.Length; k += L)
                words[b + k / L] = table[k];
        }
        Put(exp, ExpBase);
        Put(recip, RecBase);
        Put(rsqrt, RsqBase);
        NormTables.Fill(words, bank);
        return words;
    }
}
