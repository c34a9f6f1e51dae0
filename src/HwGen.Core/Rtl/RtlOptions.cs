namespace HwGen.Rtl;

/// <summary>Choices of the generated design that the numerics plan does not fix.</summary>
/// <param name="Lanes">Parallel multiply-accumulate lanes of the matrix-vector engine (1 or more).</param>
/// <param name="ModelHash">The hash of the model the design comes from, stamped into every file; never a path.</param>
/// <param name="Arch">The architecture (<see cref="CoreArch"/>).</param>
public sealed record RtlOptions(int Lanes, string ModelHash, CoreArch Arch = CoreArch.Fast)
{
    /// <summary>Checks the options; throws <see cref="HwGenException"/> with what to do.</summary>
    public RtlOptions Validated()
    {
        if (Lanes < 1)
            throw new HwGenException($"--lanes {Lanes}: the lane count must be a positive integer (1 up to any width; n_embd gives one MAC per column).");
        return this;
    }
}
