namespace HwGen.Rtl.Compact;

/// <summary>The operations of the compact step's micro-program (hwgen_step's Op* codes, in code order).</summary>
public enum CompactStepOp
{
    /// <summary>Embedding: one element per cycle, wte from the weight ROM and wpe from KVX, summed and requantized into x0.</summary>
    Emb,
    /// <summary>RmsNorm, sum of squares on lane 0.</summary>
    Nss,
    /// <summary>RmsNorm, 1/sqrt and the scale factor K (fixed step sequence).</summary>
    Nrs,
    /// <summary>RmsNorm, x * K requantized one element per cycle.</summary>
    Nsc,
    /// <summary>Matrix-vector product: lanes are rows, one column per cycle.</summary>
    Mat,
    /// <summary>Attention scores of one head: lanes are positions, one head element per cycle.</summary>
    Sco,
    /// <summary>Softmax numerators of every head (a pass per head), one position per cycle.</summary>
    Exp,
    /// <summary>The reciprocals of every head's softmax sum (fixed step sequence, the heads interleaved).</summary>
    Rcp,
    /// <summary>Attention weights of every head (a pass per head, one position per cycle and a bubble).</summary>
    Wgt,
    /// <summary>Weighted values of one head: lanes are head elements, one position per cycle.</summary>
    Av,
    /// <summary>The done cycle.</summary>
    End,
    /// <summary>RmsNorm, the 1/sqrt factor read from its (token, position) table (<see cref="CompactNormTables"/>) instead of Nss and Nrs.</summary>
    Ntb,
}

/// <summary>Where a micro-instruction's results go.</summary>
public enum CompactWrite
{
    /// <summary>The vector RAM, word DBase + row.</summary>
    Vram,
    /// <summary>The lane-interleaved RAM: bank row mod L, word DBase + row / L.</summary>
    Kvx,
    /// <summary>The key cache: bank pos mod L, word DBase + (pos / L) * n_embd + row.</summary>
    Key,
    /// <summary>The logits shift register.</summary>
    Logit,
}

/// <summary>
/// One micro-instruction of the compact step (all numbers computed from the plan by
/// <see cref="CompactStepProgram"/>). A matrix-style op (Mat, Sco, Av) issues LastPass + 1 passes
/// of LastCol + 1 cycles (max(pos, LastCol) + 1 when LastColPos; columns past Cols are bubbles) and drains each pass's L sums through the
/// serial requantizer; the other ops issue LastCol + 1 cycles. Then the op waits Tail cycles.
/// ExpShift (Exp): the ShiftRoundHalfUp shift of the exp argument, nS + 15 - Ie. LastColP1: passes of pos + 2
/// cycles (the last a bubble). BPassStride: the vector RAM index (read address and written row) advances by it per pass.
/// LastColRows (the scores of a head after the first, head_dim &lt; L): passes of max(LastCol + 1, pos + 1 - HeadTail) columns while
/// pos &lt; L (one pass: the previous head's pos + 1 rows drain under this head's issue and the tail before it), L from pos L on.
/// ExpTailShort (the exponentials with several heads): the tail is one cycle shorter from pos 2 on.
/// HiddenLayer (fc2, 0 or more): the op reads the MLP hidden vector of that layer compacted to its nonzero codes
/// (fc1 writes them in row order at B, their rows in the index memory) and issues max(nz, L, 2) columns per pass,
/// nz the step's count of nonzero hidden codes of the layer (columns past nz are bubbles); -1: a dense op.
/// NormCoded (Ntb): the factor table holds 4-bit codes (<see cref="CompactNormTable.Coded"/>); the step registers the
/// entry's address in each kind of table at its start (<see cref="CompactStepLayout.NormTables"/>).
/// </summary>
public sealed record CompactUop(
    CompactStepOp Op, int Stage, string Comment,
    int ABase = 0, int APassStride = 0, int AColStride = 0, bool AKvx = false,
    int BBase = 0, bool BKvx = false,
    int Cols = 0, bool ColsPos = false, int LastCol = 0, bool LastColPos = false, int LastPass = 0, bool PassPos = false,
    int RowBase = 0, int RowLo = 0, int RowHi = 0, bool RowHiPos = false,
    bool Relu = false, bool Residual = false, int ShA = 0, int ShB = 0, int Rq = 0, int Rq2 = 0,
    int DBase = 0, CompactWrite Write = CompactWrite.Vram, bool DPosKey = false, bool DPosValue = false, long Eps = 0, int Tail = 0,
    int ExpShift = 0, bool LastColP1 = false, int BPassStride = 0, int HiddenLayer = -1, bool LastColRows = false, bool ExpTailShort = false, bool NormCoded = false)
{
    /// <summary>The tail between two heads' scores or two heads' weighted values: a summing op's shortest (its first cycle
    /// clears the accumulators, the previous op's last take 3 cycles after its last issue).</summary>
    public const int HeadTail = 3;

    /// <summary>
    /// Cycles from the op's first cycle to the next op's first cycle, at position <paramref name="pos"/>, with
    /// <paramref name="hiddenNonzero"/> the step's count of nonzero MLP hidden codes per layer (null: every hidden
    /// code nonzero, the most a sparse op can take; dense ops ignore it).
    /// </summary>
    public int Cycles(int pos, int lanes, IReadOnlyList<int>? hiddenNonzero = null)
    {
        var lastCol = HiddenLayer >= 0 ? SparseColumns(hiddenNonzero?[HiddenLayer] ?? Cols, lanes) - 1 : LastColAt(pos, lanes);
        return (lastCol + 1) * (LastPassAt(pos, lanes) + 1) + TailAt(pos);
    }

    /// <summary>The tail at position <paramref name="pos"/>.</summary>
    public int TailAt(int pos) => ExpTailShort && pos >= 2 ? Tail - 1 : Tail;

    /// <summary>The last column of every pass at position <paramref name="pos"/> (a dense op's; fc2's depends on its count).</summary>
    public int LastColAt(int pos, int lanes) =>
        LastColP1 ? pos + 1 : LastColPos ? Math.Max(pos, LastCol) : LastColRows ? (pos < lanes ? Math.Max(LastCol, pos - HeadTail) : lanes - 1) : LastCol;

    /// <summary>The last pass at position <paramref name="pos"/>.</summary>
    public int LastPassAt(int pos, int lanes) => PassPos ? pos / lanes : LastPass;

    /// <summary>
    /// The lanes whose sums the last pass of a matrix-style op writes are all below this bound at position <paramref name="pos"/>:
    /// its drain has left the written ones behind this many cycles after its take (1 .. L).
    /// </summary>
    public int LastPassRows(int pos, int lanes) =>
        Math.Clamp(RowHi + (RowHiPos ? pos + 1 : 0) - RowBase - LastPassAt(pos, lanes) * lanes, 1, lanes);

    /// <summary>Columns per pass of a sparse op (fc2) with <paramref name="nonzero"/> nonzero hidden codes: max(nz, L, 2).</summary>
    public static int SparseColumns(int nonzero, int lanes) => Math.Max(nonzero, Math.Max(lanes, 2));
}
