using HwGen.Golden;
using HwGen.Quantization;
using HwGen.Rtl;
using HwGen.Simulation;

namespace HwGen.Verification;

/// <summary>
/// A design generated from a numerics plan and written to a folder, together with the golden
/// model of the same plan: everything needed to simulate it and check it bit for bit.
/// </summary>
/// <param name="Plan">The numerics plan (quantized weights and formats).</param>
/// <param name="Rtl">The generated design in memory.</param>
/// <param name="Design">The design on disk, for the simulation runner.</param>
/// <param name="Golden">The golden model of <paramref name="Plan"/>, as a reference.</param>
public sealed record DesignUnderTest(NumericsPlan Plan, RtlDesign Rtl, DesignSources Design, ISampleReference Golden)
{
    /// <summary>How generated files name the model they come from: its file name and SHA-256, never a path.</summary>
    public static string Origin(string modelPath, string sha256) => $"{Path.GetFileName(modelPath)} sha256 {sha256}";

    /// <summary>
    /// Generates the RTL of <paramref name="plan"/> with <paramref name="lanes"/> lanes in architecture
    /// <paramref name="arch"/> into <paramref name="directory"/> (replaced as a whole) and builds the
    /// golden model of the same plan, with the architecture's tables (<see cref="CoreArchs.PlanFor"/>;
    /// <see cref="Plan"/> is that plan). <paramref name="origin"/> names the model in the generated files (a hash, never a path).
    /// </summary>
    public static DesignUnderTest Generate(NumericsPlan plan, int lanes, string origin, string directory, CoreArch arch = CoreArch.Fast)
    {
        plan = arch.PlanFor(plan);
        var rtl = RtlGenerator.Generate(plan, new RtlOptions(lanes, origin, arch));
        rtl.Files.WriteAtomically(directory);
        var design = new DesignSources(directory, rtl.Sources, rtl.Top, plan.Config, origin);
        return new DesignUnderTest(plan, rtl, design, new GoldenReference(new FixedGpt(plan)));
    }
}
