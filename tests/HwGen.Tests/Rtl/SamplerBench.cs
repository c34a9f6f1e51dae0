using System.Globalization;
using System.Text;
using HwGen.Golden;
using HwGen.Quantization;
using HwGen.Rtl;
using HwGen.Sampling;
using HwGen.Tools;
using HwGen.Tests.Tools;

namespace HwGen.Tests.Rtl;

/// <summary>One sampler case: a seed load with its temperature and greedy flag, then one logit set per token.</summary>
internal sealed record SamplerCase(uint Seed, int Temperature, bool Greedy, List<int[]> Tokens);

/// <summary>
/// Drives a <c>hwgen_sampler</c> (any architecture) alone in Verilator with sampler_tb.cpp and checks
/// every token against the golden sampler (FixedSampler.ArgMax / Lambda / Draw with the seed's
/// xorshift32 stream) and every done_o against the architecture's timing, with equality.
/// </summary>
internal static class SamplerBench
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>
    /// Simulates <paramref name="cases"/> on the sampler built from <paramref name="sources"/> in
    /// <paramref name="dir"/>; <paramref name="startCycle"/> is the cycle after the seed load (cycle 0)
    /// of each case's first start_i. <paramref name="serialLogits"/>: the sampler takes its logits
    /// through the write port (logit_we_i, logit_idx_i, logit_i) before start_i (compact_sampler_tb.cpp),
    /// not on the logits_i bus (sampler_tb.cpp). Returns the number of distinct tokens chosen.
    /// </summary>
    public static int AssertMatches(NumericsPlan plan, string dir, IEnumerable<string> sources, ISamplerTiming timing,
        IReadOnlyList<SamplerCase> cases, int startCycle = 41, bool serialLogits = false)
    {
        var vocab = plan.Config.VocabSize;
        var golden = new FixedSampler(new FixedGpt(plan));
        var stimulus = new StringBuilder();
        stimulus.Append(Inv, $"{vocab} {cases.Count}\n");
        var expected = new List<(string Where, int Token, int Cycles)>();
        for (var c = 0; c < cases.Count; c++)
        {
            var (seed, temperature, greedy, tokens) = cases[c];
            stimulus.Append(Inv, $"{seed} {temperature} {(greedy ? 1 : 0)} {tokens.Count}\n");
            var rng = new XorShift32(unchecked((int)seed));
            var (lambda, lambdaFrac) = temperature == 0 ? (0L, 0) : golden.Lambda(temperature);
            for (var t = 0; t < tokens.Count; t++)
            {
                stimulus.AppendJoin(' ', tokens[t].Select(v => v.ToString(Inv)));
                stimulus.Append('\n');
                var plain = greedy || temperature == 0;
                var token = plain ? FixedSampler.ArgMax(tokens[t]) : golden.Draw(tokens[t], lambda, lambdaFrac, rng.NextUInt32());
                expected.Add(($"case {c} (seed {seed}, T {temperature}, greedy {greedy}) token {t}", token, timing.Cycles(plain, token)));
            }
        }
        var stimulusFile = Path.Combine(dir, "sampler_stimulus.txt");
        File.WriteAllText(stimulusFile, stimulus.ToString());

        var tb = serialLogits
            ? Path.Combine(TestPaths.RepoRoot, "tests", "HwGen.Tests", "Rtl", "Compact", "compact_sampler_tb.cpp")
            : Path.Combine(TestPaths.RepoRoot, "tests", "HwGen.Tests", "Rtl", "sampler_tb.cpp");
        var build = VerilatorDriver.Create(ToolTestFiles.SharedCache).Build(new VerilatorBuildSpec(
            sources.Select(s => Path.Combine(dir, s)).ToArray(), [tb], "hwgen_sampler", Path.GetFileNameWithoutExtension(tb), OtherInputs: [ToolTestFiles.BenchHeader]));
        var run = VerilatorDriver.Run(build.Executable, [stimulusFile, (startCycle - 1).ToString(Inv)], TimeSpan.FromMinutes(2), workingDirectory: dir);
        Assert.That(run.ExitCode, Is.Zero, run.Stdout + run.Stderr);

        var got = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(' ')).Where(f => f[0] == "tok")
            .Select(f => (Cycles: int.Parse(f[3], Inv), Token: int.Parse(f[4], Inv))).ToList();
        Assert.That(got, Has.Count.EqualTo(expected.Count), run.Stdout);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.That(got[i].Token, Is.EqualTo(expected[i].Token), $"{expected[i].Where}: token");
            Assert.That(got[i].Cycles, Is.EqualTo(expected[i].Cycles), $"{expected[i].Where}: cycles from start_i to done_o");
        }
        return expected.Select(e => e.Token).Distinct().Count();
    }

    /// <summary>
    /// Per temperature exponent bT = 0 .. 15 a sampled case at T = 2^bT plus random lower bits, then
    /// T = 65535, a greedy case and a zero temperature; each with several logit sets of different
    /// spreads: the full 16-bit range, a few codes (many exponentials alike), a few hundred, a tie
    /// for the maximum, all equal.
    /// </summary>
    public static List<SamplerCase> Cases(int vocab, uint seed)
    {
        var state = seed;
        int Next(int n)
        {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            return (int)(state % (uint)n);
        }
        int[] Logits(int kind)
        {
            var spread = kind switch { 0 => 65536, 1 => 8, 2 => 300, 3 => 4000, _ => 1 };
            var top = kind == 0 ? 32767 : Next(60000) - 30000;
            var l = new int[vocab];
            for (var i = 0; i < vocab; i++)
                l[i] = kind == 0 ? Next(65536) - 32768 : top - Next(spread);
            if (kind == 3)
                l[Next(vocab)] = l[Next(vocab)] = top;   // a tie for the maximum
            return l;
        }
        var temperatures = Enumerable.Range(0, 16).Select(b => (1 << b) + (b == 0 ? 0 : Next(1 << b))).Append(65535).ToList();
        var cases = temperatures.Select(t => new SamplerCase((uint)Next(int.MaxValue), t, false, Enumerable.Range(0, 10).Select(k => Logits(k % 5)).ToList())).ToList();
        cases.Add(new SamplerCase(0u, 256, true, Enumerable.Range(0, 5).Select(Logits).ToList()));
        cases.Add(new SamplerCase(12345u, 0, false, Enumerable.Range(0, 5).Select(Logits).ToList()));
        return cases;
    }
}
