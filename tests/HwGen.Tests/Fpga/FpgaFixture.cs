using HwGen.Fpga;
using HwGen.Model;
using HwGen.Rendering;

namespace HwGen.Tests.Fpga;

/// <summary>The board flows' test fixture core (Fixture/), the checkout's templates and constraints.</summary>
internal static class FpgaFixture
{
    /// <summary>The names the fixture core emits, by seed mod 4 (Fixture/fixture_names.mem).</summary>
    public static readonly string[] Names = ["emma", "olivia", "ava", "isabella"];

    public static string Folder => Path.Combine(TestPaths.RepoRoot, "tests", "HwGen.Tests", "Fpga", "Fixture");

    public static TemplateRenderer Templates => new(Path.Combine(TestPaths.RepoRoot, "hdl-templates"), "hdl-templates");

    public static string Constraints => Path.Combine(TestPaths.RepoRoot, "constraints");

    /// <summary>The fixture core: microGPT's port widths and vocabulary, one ROM under u_weights.</summary>
    public static CoreDesign Core() => CoreDesign.FromFolder(Folder, ["fixture_rom.sv", "hwgen_core.sv", "fixture_names.mem"], ["fixture_rom.sv", "hwgen_core.sv"],
        ModelConfig.MicroGpt, "test-fixture", 1);

    /// <summary>The fixture core wrapped for <paramref name="target"/>.</summary>
    public static BoardDesign Board(FpgaTarget target, double? mhz = null, int baud = UartSettings.DefaultBaud, SampleLoop? loop = null) =>
        BoardWrapper.Generate(Core(), target, ClockPlan.For(target, Core().Arch, mhz), baud, loop ?? SampleLoop.Default, Templates, Constraints);

    /// <summary>Writes <paramref name="design"/> (core, wrapper, constraints) to a fresh folder.</summary>
    public static string Write(BoardDesign design, string name)
    {
        var dir = TestPaths.NewTempDir(name);
        var plan = design.AddTo(new BuildPlan("test-fixture"));
        plan.WriteAtomically(dir);
        return dir;
    }
}
