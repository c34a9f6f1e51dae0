namespace HwGen.Verification;

/// <summary>The outcome of checking the generator's cycle model (<see cref="Rtl.RtlSchedule"/>) against a simulation.</summary>
/// <param name="Compared">Cycle counts compared: every stage of every step, every token cycle, every done cycle.</param>
/// <param name="Mismatches">Counts that differ.</param>
/// <param name="First">The first difference in sample order, then step order; null when all agree.</param>
public sealed record CycleModelReport(long Compared, long Mismatches, CycleMismatch? First)
{
    /// <summary>True when the model predicted every count exactly.</summary>
    public bool Passed => Mismatches == 0;
}
