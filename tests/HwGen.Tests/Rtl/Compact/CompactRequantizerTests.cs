using HwGen.Rendering;
using HwGen.Tests.Tools;
using HwGen.Tools;

namespace HwGen.Tests.Rtl.Compact;

/// <summary>
/// hwgen_crq alone in Verilator: for every shift and values around each rounding tie, each saturation
/// bound and the input's extremes (and random ones), q_o equals the golden Requantize (round to nearest
/// even, saturated to 16 bits) of v * 2^-sh.
/// </summary>
public class CompactRequantizerTests
{
    [Category("Tools")]
    [TestCase(34, 5)]
    [TestCase(19, 2)]
    [TestCase(49, 6)]
    public void TheRequantizerRoundsToNearestEvenAndSaturatesExactly(int inW, int shW)
    {
        var dir = Path.Combine(TestPaths.NewTempDir($"crq-{inW}-{shW}"), "design");
        new BuildPlan("test").AddText("hwgen_crq.sv", TemplateRenderer.ForShipped(TemplateFolders.Hdl).Render("compact/hwgen_crq.sv.hbs", new { })).WriteAtomically(dir);

        // Shifts up to the largest the requantizer is used with (its input keeps the guard bit: sh <= InW - 2).
        var vectors = RequantizerCases.Vectors(inW, 0, Math.Min((1 << shW) - 1, inW - 2), 200);
        var tb = Path.Combine(TestPaths.RepoRoot, "tests", "HwGen.Tests", "Rtl", "Compact", "compact_crq_tb.cpp");
        var build = VerilatorDriver.Create(ToolTestFiles.SharedCache).Build(new VerilatorBuildSpec(
            [Path.Combine(dir, "hwgen_crq.sv")], [tb], "hwgen_crq", "compact_crq_tb",
            ExtraFlags: [$"-GInW={inW}", $"-GShW={shW}"], OtherInputs: [ToolTestFiles.BenchHeader]));
        RequantizerCases.AssertBenchMatchesGolden(build.Executable, dir, inW, vectors);
    }
}
