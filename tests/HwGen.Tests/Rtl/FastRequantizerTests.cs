using System.Globalization;
using System.Text.RegularExpressions;
using HwGen.Rtl;
using HwGen.Tests.Tools;
using HwGen.Tools;

namespace HwGen.Tests.Rtl;

/// <summary>
/// The fast step's requantizer (rq_post(rq_pre(a, s)), the functions of a generated hwgen_step.sv in a
/// combinational wrapper) in Verilator: for every shift and values around each rounding tie, each
/// saturation bound and the input's extremes (and random ones), it equals the golden Requantize (round to
/// nearest even, saturated to 16 bits) of a * 2^-s.
/// </summary>
public partial class FastRequantizerTests
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    [GeneratedRegex(@"localparam int unsigned XW\s*=\s*(\d+);")]
    private static partial Regex InputWidth();

    [GeneratedRegex(@"  localparam int unsigned PreW = \d+;\n|  function automatic logic \[PreW-1:0\] rq_pre\(.*?endfunction\n|  function automatic logic signed \[15:0\] rq_post\(.*?endfunction\n", RegexOptions.Singleline)]
    private static partial Regex Functions();

    [Test]
    [Category("Tools")]
    public void TheFastStepsRequantizerRoundsToNearestEvenAndSaturatesExactly()
    {
        var dir = TestPaths.NewTempDir("fast-rq");
        RtlGenerator.Generate(RtlTestModels.Talos, new RtlOptions(8, "test")).Files.WriteAtomically(Path.Combine(dir, "design"));
        var step = File.ReadAllText(Path.Combine(dir, "design", "hwgen_step.sv"));
        var inW = int.Parse(InputWidth().Match(step).Groups[1].Value, Inv);
        var parts = Functions().Matches(step).Select(m => m.Value).ToList();
        Assert.That(parts, Has.Count.EqualTo(3), "PreW, rq_pre and rq_post in the generated step");
        var dut = Path.Combine(dir, "fast_rq_dut.sv");
        File.WriteAllText(dut,
            "// The fast step's requantizer functions, as generated, around ports.\n" +
            "module fast_rq_dut #(parameter int unsigned XW = " + inW.ToString(Inv) + ") (\n" +
            "  input  logic signed [XW-1:0] a_i,\n  input  logic signed [7:0] s_i,\n  output logic signed [15:0] q_o\n);\n" +
            string.Concat(parts) + "  assign q_o = rq_post(rq_pre(a_i, s_i));\nendmodule\n");

        // Left shifts (s <= 0) too: the requantizer takes them, and any s up to the input's width less the guard bit.
        var vectors = RequantizerCases.Vectors(inW, -4, Math.Min(inW - 2, 60), 100);
        var tb = Path.Combine(TestPaths.RepoRoot, "tests", "HwGen.Tests", "Rtl", "fast_rq_tb.cpp");
        var build = VerilatorDriver.Create(ToolTestFiles.SharedCache).Build(new VerilatorBuildSpec(
            [dut], [tb], "fast_rq_dut", "fast_rq_tb", OtherInputs: [ToolTestFiles.BenchHeader]));
        RequantizerCases.AssertBenchMatchesGolden(build.Executable, dir, inW, vectors);
    }
}
