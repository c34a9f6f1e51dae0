using HwGen.Golden;
using HwGen.Model;
using HwGen.Numerics;
using HwGen.Quantization;
using HwGen.Rtl;
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
        var dir = Write(plan, lanes, $"samp-sim-{model}-{lanes}");
        var sampledTokens = SamplerBench.AssertMatches(plan, dir, ModuleSources, SamplerTiming.For(vocab, lanes), SamplerBench.Cases(vocab, 7));
        Assert.That(sampledTokens, Is.GreaterThan(vocab / 3), "the cases choose many different tokens");
    }
}
