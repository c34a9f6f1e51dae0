using System.Globalization;
using System.Text;
using HwGen.Numerics;
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
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    [Category("Tools")]
    [TestCase(34, 5)]
    [TestCase(19, 2)]
    [TestCase(49, 6)]
    public void TheRequantizerRoundsToNearestEvenAndSaturatesExactly(int inW, int shW)
    {
        var dir = Path.Combine(TestPaths.NewTempDir($"crq-{inW}-{shW}"), "design");
        new BuildPlan("test").AddText("hwgen_crq.sv", TemplateRenderer.ForShipped(TemplateFolders.Hdl).Render("compact/hwgen_crq.sv.hbs", new { })).WriteAtomically(dir);

        long lo = -(1L << (inW - 1)), hi = (1L << (inW - 1)) - 1;
        var vectors = new List<(long V, int Sh)>();
        var random = new Random(20261122);
        void Add(long v, int sh)
        {
            if (v >= lo && v <= hi)
                vectors.Add((v, sh));
        }
        // Shifts up to the largest the requantizer is used with (its input keeps the guard bit: sh <= InW - 2).
        var maxSh = Math.Min((1 << shW) - 1, inW - 2);
        for (var sh = 0; sh <= maxSh; sh++)
        {
            var one = 1L << sh;
            foreach (var k in new long[] { 0, 1, 2, 3, -1, -2, -3, 32766, 32767, 32768, -32767, -32768, -32769, 1000, -1001 })
            {
                foreach (var d in new long[] { -1, 0, 1 })
                {
                    Add(k * one + d, sh);
                    Add(k * one + one / 2 + d, sh);
                }
            }
            foreach (var v in new[] { lo, lo + 1, hi, hi - 1, 0L })
                Add(v, sh);
            for (var i = 0; i < 200; i++)
            {
                Add(random.NextInt64(lo, hi + 1), sh);
                Add(random.NextInt64(lo, hi + 1) >> random.Next(inW), sh);
            }
        }

        var stimulus = new StringBuilder();
        stimulus.Append(vectors.Count.ToString(Inv)).Append('\n');
        foreach (var (v, sh) in vectors)
            stimulus.Append(Inv, $"{v} {sh}\n");
        var stimulusFile = Path.Combine(dir, "crq_stimulus.txt");
        File.WriteAllText(stimulusFile, stimulus.ToString());

        var tb = Path.Combine(TestPaths.RepoRoot, "tests", "HwGen.Tests", "Rtl", "Compact", "compact_crq_tb.cpp");
        var build = VerilatorDriver.Create(ToolTestFiles.SharedCache).Build(new VerilatorBuildSpec(
            [Path.Combine(dir, "hwgen_crq.sv")], [tb], "hwgen_crq", "compact_crq_tb",
            ExtraFlags: [$"-GInW={inW}", $"-GShW={shW}"], OtherInputs: [ToolTestFiles.BenchHeader]));
        var run = VerilatorDriver.Run(build.Executable, [stimulusFile, inW.ToString(Inv)], TimeSpan.FromMinutes(2), workingDirectory: dir);
        Assert.That(run.ExitCode, Is.Zero, run.Stdout + run.Stderr);
        var got = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => int.Parse(l, Inv)).ToList();
        Assert.That(got, Has.Count.EqualTo(vectors.Count));
        var q16 = new QFormat(16);
        for (var i = 0; i < vectors.Count; i++)
        {
            var (v, sh) = vectors[i];
            Assert.That(got[i], Is.EqualTo(FixedPoint.Requantize(v, sh, q16, Rounding.NearestEven, Overflow.Saturate)), $"v {v}, sh {sh}");
        }
    }
}
