using System.Globalization;
using System.Text;
using HwGen.Golden;
using HwGen.Model;
using HwGen.Numerics;
using HwGen.Quantization;
using HwGen.Rtl;
using HwGen.Sampling;
using HwGen.Tools;
using HwGen.Tests.Tools;

namespace HwGen.Tests.Rtl;

/// <summary>
/// hwgen_sampler alone: lint, and a simulation on random logit sets at temperatures of every
/// Recip exponent (bT = 0 .. 15), greedy and sampled, several tokens per seed: every token equals
/// the golden sampler's (FixedSampler.Draw with the seed's xorshift32 stream) and every done_o
/// comes exactly SamplerTiming.Cycles after start_i.
/// </summary>
public class SamplerModuleTests
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static readonly string[] ModuleSources = ["hwgen_rom.sv", "hwgen_exp2.sv", "hwgen_recip.sv", "hwgen_sampler.sv"];

    private static NumericsPlan Plan(string model) => model switch
    {
        "wide2" => RtlTestModels.Wide2,
        "odd" => RtlTestModels.Odd,
        // Logits with 1 fraction bit: the exp shift is 0 at T < 2 (a left shift in numerics.md 5.4).
        "talos-q15" => PlanBuilder.Fixed(SafeTensors.Load(TestPaths.TalosModel), new QFormat(15)),
        _ => RtlTestModels.Talos,
    };

    private static string Write(NumericsPlan plan, int lanes, string name)
    {
        var dir = Path.Combine(TestPaths.NewTempDir(name), "design");
        RtlGenerator.Generate(plan, new RtlOptions(lanes, "test")).Files.WriteAtomically(dir);
        return dir;
    }

    [TestCase("talos", 8, 11, 0)]      // Q4.12 logits: 12 + 20 - 11 - 10
    [TestCase("talos-q15", 1, 1, 1)]   // 1 + 20 - 11 - 10 = 0: pre-shifted by 1
    public void TheExpShiftStartsAtOneAfterThePreShift(string model, int lanes, int shiftBase, int preShift)
    {
        var view = SamplerView.For(Plan(model), lanes);
        Assert.That((view.ShiftBase, view.PreShift), Is.EqualTo((shiftBase, preShift)));
    }

    [Test]
    public void TheSeedMixAndLambdaAreReadyLongBeforeTheFirstStepEnds()
    {
        // 22-bit sums: a 32 x 32 multiplier (as many SB_MAC16 as 32 x 22); the mix's multiplies in
        // cycles 1 and 3 around LAMBDA's in cycle 2: the PRNG state is ready in cycle 4.
        var view = SamplerView.For(RtlTestModels.Talos, 8);
        Assert.That((view.SamplerSumW, view.MulBW, view.ReadyCycles), Is.EqualTo((22, 32, 4)));
    }

    [Category("Tools")]
    [TestCase("talos", 1)]
    [TestCase("talos", 4)]
    [TestCase("talos", 16)]
    [TestCase("talos", 64)]
    [TestCase("odd", 3)]
    public void TheModuleLintsCleanWithAllWarnings(string model, int lanes)
    {
        var dir = Write(Plan(model), lanes, $"samp-lint-{model}-{lanes}");
        var lint = VerilatorDriver.Create(ToolTestFiles.SharedCache).Lint(ModuleSources.Select(s => Path.Combine(dir, s)).ToArray(), "hwgen_sampler");
        Assert.That(lint.Diagnostics.Select(d => d.ToString()), Is.Empty, lint.Output);
        Assert.That(lint.ExitCode, Is.Zero, lint.Output);
    }

    [Category("Tools")]
    [TestCase("talos", 1)]
    [TestCase("talos", 4)]
    [TestCase("talos", 8)]
    [TestCase("talos", 16)]
    [TestCase("talos", 64)]
    [TestCase("talos-q15", 8)]
    [TestCase("wide2", 32)]
    [TestCase("odd", 3)]
    public void TheModuleMatchesTheGoldenSamplerAndItsTimingExactly(string model, int lanes)
    {
        var plan = Plan(model);
        var vocab = plan.Config.VocabSize;
        var golden = new FixedSampler(new FixedGpt(plan));
        var timing = SamplerTiming.For(vocab, lanes);
        var cases = Cases(vocab, 7);

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
        var dir = Write(plan, lanes, $"samp-sim-{model}-{lanes}");
        var stimulusFile = Path.Combine(dir, "sampler_stimulus.txt");
        File.WriteAllText(stimulusFile, stimulus.ToString());

        var tb = Path.Combine(TestPaths.RepoRoot, "tests", "HwGen.Tests", "Rtl", "sampler_tb.cpp");
        var build = VerilatorDriver.Create(ToolTestFiles.SharedCache).Build(new VerilatorBuildSpec(
            ModuleSources.Select(s => Path.Combine(dir, s)).ToArray(), [tb], "hwgen_sampler", "sampler_tb"));
        var run = VerilatorDriver.Run(build.Executable, [stimulusFile], TimeSpan.FromMinutes(2), workingDirectory: dir);
        Assert.That(run.ExitCode, Is.Zero, run.Stdout + run.Stderr);

        var got = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(' ')).Where(f => f[0] == "tok")
            .Select(f => (Cycles: int.Parse(f[3], Inv), Token: int.Parse(f[4], Inv))).ToList();
        Assert.That(got, Has.Count.EqualTo(expected.Count), run.Stdout);
        var sampledTokens = expected.Select(e => e.Token).Distinct().Count();
        Assert.That(sampledTokens, Is.GreaterThan(vocab / 3), "the cases choose many different tokens");
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.That(got[i].Token, Is.EqualTo(expected[i].Token), $"{expected[i].Where}: token");
            Assert.That(got[i].Cycles, Is.EqualTo(expected[i].Cycles), $"{expected[i].Where}: cycles from start_i to done_o");
        }
    }

    /// <summary>
    /// Per temperature exponent bT = 0 .. 15 a sampled case at T = 2^bT plus random lower bits, then
    /// T = 65535, a greedy case and a zero temperature; each with several logit sets of different
    /// spreads: the full 16-bit range, a few codes (many exponentials alike), a few hundred, a tie
    /// for the maximum, all equal.
    /// </summary>
    private static List<(uint Seed, int Temperature, bool Greedy, List<int[]> Tokens)> Cases(int vocab, uint seed)
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
        var cases = temperatures.Select(t => (Seed: (uint)Next(int.MaxValue), t, false, Enumerable.Range(0, 10).Select(k => Logits(k % 5)).ToList())).ToList();
        cases.Add((0u, 256, true, Enumerable.Range(0, 5).Select(Logits).ToList()));
        cases.Add((12345u, 0, false, Enumerable.Range(0, 5).Select(Logits).ToList()));
        return cases;
    }
}
