using System.Globalization;
using System.Text;
using HwGen.Numerics;
using HwGen.Tools;

namespace HwGen.Tests.Rtl;

/// <summary>
/// Cases for a requantizer in Verilator (the compact core's hwgen_crq, the fast step's rq_pre/rq_post): for
/// every shift, values around each rounding tie, each saturation bound and the input's extremes, and random
/// ones; and the check of a bench's outputs against the golden Requantize (round to nearest even, saturated
/// to 16 bits) of v * 2^-sh.
/// </summary>
internal static class RequantizerCases
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The cases for signed inputs of <paramref name="inW"/> bits and shifts <paramref name="minSh"/> .. <paramref name="maxSh"/>.</summary>
    public static List<(long V, int Sh)> Vectors(int inW, int minSh, int maxSh, int randomPerShift)
    {
        long lo = -(1L << (inW - 1)), hi = (1L << (inW - 1)) - 1;
        var vectors = new List<(long V, int Sh)>();
        var random = new Random(20261122);
        void Add(long v, int sh)
        {
            if (v >= lo && v <= hi)
                vectors.Add((v, sh));
        }
        for (var sh = minSh; sh <= maxSh; sh++)
        {
            var one = sh >= 0 ? 1L << sh : 1L;
            foreach (var k in new long[] { 0, 1, 2, 3, -1, -2, -3, 32766, 32767, 32768, 65535, -32767, -32768, -32769, -65535, -65536, 1000, -1001 })
            {
                foreach (var d in new long[] { -1, 0, 1 })
                {
                    Add(k * one + d, sh);
                    Add(k * one + one / 2 + d, sh);
                }
            }
            foreach (var v in new[] { lo, lo + 1, hi, hi - 1, 0L })
                Add(v, sh);
            for (var i = 0; i < randomPerShift; i++)
            {
                Add(random.NextInt64(lo, hi + 1), sh);
                Add(random.NextInt64(lo, hi + 1) >> random.Next(inW), sh);
            }
        }
        return vectors;
    }

    /// <summary>
    /// Writes the stimulus ("count", then "v sh" per line) into <paramref name="dir"/>, runs the bench
    /// (arguments: the stimulus file and <paramref name="inW"/>; one signed output per line) and checks
    /// every output against the golden Requantize.
    /// </summary>
    public static void AssertBenchMatchesGolden(string executable, string dir, int inW, IReadOnlyList<(long V, int Sh)> vectors)
    {
        var stimulus = new StringBuilder();
        stimulus.Append(vectors.Count.ToString(Inv)).Append('\n');
        foreach (var (v, sh) in vectors)
            stimulus.Append(Inv, $"{v} {sh}\n");
        var stimulusFile = Path.Combine(dir, "rq_stimulus.txt");
        File.WriteAllText(stimulusFile, stimulus.ToString());

        var run = VerilatorDriver.Run(executable, [stimulusFile, inW.ToString(Inv)], TimeSpan.FromMinutes(2), workingDirectory: dir);
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
