using HwGen.Numerics;
using HwGen.Quantization;

namespace HwGen.Rtl;

/// <summary>
/// The architectures the generator renders the same <c>hwgen_core</c> contract in (docs/hardware.md):
/// the same ports, stage codes, debug stream and results, with different insides and timing.
/// </summary>
public enum CoreArch
{
    /// <summary>Throughput: a lane grid with its own units for attention, norms and sampling.</summary>
    Fast,

    /// <summary>
    /// Area: row-parallel MAC lanes that every multiply of the step time-shares, a sampler without
    /// multipliers, small tables (<see cref="TableParameters.Compact"/>); made for the iCE40 UP5K.
    /// </summary>
    Compact,
}

/// <summary>Names, parsing and the numerics that go with a <see cref="CoreArch"/>.</summary>
public static class CoreArchs
{
    /// <summary>The names the command line takes, in enum order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["fast", "compact"];

    /// <summary>The command-line name of <paramref name="arch"/>.</summary>
    public static string Name(this CoreArch arch) => Names[(int)arch];

    /// <summary>Parses a command-line name; a bad one is a user error that lists the choices.</summary>
    public static CoreArch Parse(string text, string optionName = "--arch")
    {
        var i = Names.ToList().FindIndex(n => string.Equals(n, text.Trim(), StringComparison.OrdinalIgnoreCase));
        return i >= 0
            ? (CoreArch)i
            : throw new HwGenException($"{optionName} {text}: not an architecture; give fast (throughput) or compact (area: the iCE40 UP5K).");
    }

    /// <summary>The table parameters the architecture's nonlinear units are built for.</summary>
    public static TableParameters Tables(this CoreArch arch) => arch == CoreArch.Compact ? TableParameters.Compact : TableParameters.Default;

    /// <summary>
    /// <paramref name="plan"/> with the architecture's tables, so that the golden model built from it is
    /// the golden model of the generated design. Formats and weights do not depend on the tables.
    /// </summary>
    public static NumericsPlan PlanFor(this CoreArch arch, NumericsPlan plan) =>
        plan.Tables == arch.Tables() ? plan : plan with { Tables = arch.Tables() };
}
