namespace HwGen.Rtl;

/// <summary>The operations of the decode-step sequencer (hwgen_step's <c>op_e</c>).</summary>
public enum StepOp
{
    Embed,
    Norm,
    Matvec,
    Attn,
    End,
}

/// <summary>
/// One instruction of the decode-step program, with every field as a number the generator
/// computed from the numerics plan (shifts are fraction-bit differences; docs/numerics.md).
/// </summary>
/// <param name="Op">What it does.</param>
/// <param name="Stage">The schedule's name for it, e.g. "layer0.q".</param>
/// <param name="WBase">Weight ROM address of the tensor (wte for Embed).</param>
/// <param name="WBase2">Second tensor (wpe for Embed).</param>
/// <param name="Rows">Output rows (Matvec).</param>
/// <param name="Chunks">ROM words per row in each bank (chunks of C columns).</param>
/// <param name="RowSteps">Matvec: passes over the columns, ceil(Rows / R), each finishing R rows.</param>
/// <param name="Cols">Dot-product length (lanes past it are masked).</param>
/// <param name="Src">Vector memory base of the input (Attn: the queries; keys and values follow them).</param>
/// <param name="Src2">The residual stream x (Matvec with <paramref name="Residual"/>).</param>
/// <param name="Dst">Vector memory base of the output.</param>
/// <param name="Layer">Attn: the layer, whose KV cache hwgen_attention uses.</param>
/// <param name="ShA">Alignment left shift of the first operand (Embed: wte; residual Matvec: x).</param>
/// <param name="ShB">Alignment left shift of the second operand (Embed: wpe; residual Matvec: the product).</param>
/// <param name="Rq">Requantize shift (Norm: Fs + 15 - n_out, before subtracting s/2; Attn: scores, rq_score_i).</param>
/// <param name="Rq2">Attn: ShiftRoundHalfUp shift of the exp argument, nS + 15 - Ie; residual Matvec: the residual's requantize shift.</param>
/// <param name="Rq3">Attn: weight shift Fr - n_weights, before adding b.</param>
/// <param name="Rq4">Attn: output shift n_weights + n_value - n_output.</param>
/// <param name="Relu">ReLU on the accumulator (fc1).</param>
/// <param name="Residual">Matvec: x[r] = Requantize(align(x[r], y[r])) instead of storing y (Wo, fc2).</param>
/// <param name="Eps">RmsNorm epsilon code E.</param>
/// <param name="WaitDrain">The sequencer lets the matrix-vector pipeline drain before issuing this
/// instruction, because it reads or writes a vector that an instruction still in the pipeline writes
/// (<see cref="StepProgram"/> decides it from each instruction's source and destination regions).</param>
public sealed record StepInstruction(
    StepOp Op, string Stage,
    int WBase = 0, int WBase2 = 0, int Rows = 0, int Chunks = 0, int RowSteps = 0, int Cols = 0,
    int Src = 0, int Src2 = 0, int Dst = 0, int Layer = 0,
    int ShA = 0, int ShB = 0, int Rq = 0, int Rq2 = 0, int Rq3 = 0, int Rq4 = 0,
    bool Relu = false, bool Residual = false, long Eps = 0, bool WaitDrain = false);
