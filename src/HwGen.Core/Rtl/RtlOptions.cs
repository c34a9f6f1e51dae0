namespace HwGen.Rtl;

/// <summary>Choices of the generated design that the numerics plan does not fix.</summary>
/// <param name="Lanes">Parallel multiply-accumulate lanes of the matrix-vector engine (1 or more).</param>
/// <param name="Source">What the design was generated from, for the stamp (e.g. "model sha256 0123abcd"); never a path.</param>
public sealed record RtlOptions(int Lanes, string Source)
{
    /// <summary>Checks the options; throws <see cref="HwGenException"/> with what to do.</summary>
    public RtlOptions Validated()
    {
        if (Lanes < 1)
            throw new HwGenException($"--lanes {Lanes}: the lane count must be a positive integer (1 up to any width; n_embd gives one MAC per column).");
        return this;
    }
}
