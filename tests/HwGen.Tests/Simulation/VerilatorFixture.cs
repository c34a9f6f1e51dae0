using HwGen.Model;
using HwGen.Rendering;
using HwGen.Simulation;
using HwGen.Tools;

namespace HwGen.Tests.Simulation;

/// <summary>
/// The one Verilator build cache every real-Verilator test shares (so a design is compiled once
/// per content, across tests, test runs and hwgen commands), and the test fixture core.
/// </summary>
internal static class VerilatorFixture
{
    private static readonly Lazy<VerilatorDriver> LazyDriver = new(() => VerilatorDriver.Create());

    /// <summary>The shared driver: HWGEN_VERILATOR or PATH, and the default build cache, which the hwgen program uses too.</summary>
    public static VerilatorDriver Driver => LazyDriver.Value;

    /// <summary>A runner over the checkout's <c>sim/</c> templates.</summary>
    public static SimulationRunner Runner() => new(Driver, new TemplateRenderer(Path.Combine(TestPaths.RepoRoot, "sim"), "sim"));

    /// <summary>The fixture core's folder.</summary>
    public static string FixtureFolder => Path.Combine(TestPaths.RepoRoot, "tests", "HwGen.Tests", "Simulation", "Fixture");

    /// <summary>The fixture core, with its fault parameters when given.</summary>
    public static DesignSources FixtureDesign(int badLogitPos = -1, int badLogitIndex = 0, int skipLogitIndex = -1)
    {
        var flags = new List<string>();
        if (badLogitPos >= 0)
            flags.AddRange([$"-GBadLogitPos={badLogitPos}", $"-GBadLogitIndex={badLogitIndex}"]);
        if (skipLogitIndex >= 0)
            flags.Add($"-GSkipLogitIndex={skipLogitIndex}");
        return new DesignSources(FixtureFolder, ["hwgen_core.sv"], "hwgen_core", ModelConfig.MicroGpt, "test-fixture", flags.Count > 0 ? flags : null);
    }
}
