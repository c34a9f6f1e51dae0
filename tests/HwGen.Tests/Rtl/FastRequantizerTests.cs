using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using HwGen.Numerics;
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

        long lo = -(1L << (inW - 1)), hi = (1L << (inW - 1)) - 1;
        var vectors = new List<(long A, int S)>();
        var random = new Random(20261122);
        void Add(long a, int s)
        {
            if (a >= lo && a <= hi)
                vectors.Add((a, s));
        }
        // Left shifts (s <= 0) too: the requantizer takes them, and any s up to the input's width less the guard bit.
        for (var s = -4; s <= Math.Min(inW - 2, 60); s++)
        {
            var one = s >= 0 ? 1L << s : 1L;
            foreach (var k in new long[] { 0, 1, 2, 3, -1, -2, -3, 32766, 32767, 32768, 65535, -32767, -32768, -32769, -65535, -65536, 1000, -1001 })
            {
                foreach (var d in new long[] { -1, 0, 1 })
                {
                    Add(k * one + d, s);
                    Add(k * one + one / 2 + d, s);
                }
            }
            foreach (var a in new[] { lo, lo + 1, hi, hi - 1, 0L })
                Add(a, s);
            for (var i = 0; i < 100; i++)
            {
                Add(random.NextInt64(lo, hi + 1), s);
                Add(random.NextInt64(lo, hi + 1) >> random.Next(inW), s);
            }
        }

        var stimulus = new StringBuilder();
        stimulus.Append(vectors.Count.ToString(Inv)).Append('\n');
        foreach (var (a, s) in vectors)
            stimulus.Append(Inv, $"{a} {s}\n");
        var stimulusFile = Path.Combine(dir, "rq_stimulus.txt");
        File.WriteAllText(stimulusFile, stimulus.ToString());

        var tb = Path.Combine(TestPaths.RepoRoot, "tests", "HwGen.Tests", "Rtl", "fast_rq_tb.cpp");
        var build = VerilatorDriver.Create(ToolTestFiles.SharedCache).Build(new VerilatorBuildSpec(
            [dut], [tb], "fast_rq_dut", "fast_rq_tb", OtherInputs: [ToolTestFiles.BenchHeader]));
        var run = VerilatorDriver.Run(build.Executable, [stimulusFile, inW.ToString(Inv)], TimeSpan.FromMinutes(2), workingDirectory: dir);
        Assert.That(run.ExitCode, Is.Zero, run.Stdout + run.Stderr);
        var got = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => int.Parse(l, Inv)).ToList();
        Assert.That(got, Has.Count.EqualTo(vectors.Count));
        var q16 = new QFormat(16);
        for (var i = 0; i < vectors.Count; i++)
        {
            var (a, s) = vectors[i];
            Assert.That(got[i], Is.EqualTo(FixedPoint.Requantize(a, s, q16, Rounding.NearestEven, Overflow.Saturate)), $"a {a}, s {s}");
        }
    }
}
