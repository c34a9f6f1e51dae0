using HwGen.Golden;
using HwGen.Model;
using HwGen.Numerics;
using HwGen.Quantization;
using HwGen.Rendering;
using HwGen.Rtl;
using HwGen.Rtl.Compact;
using HwGen.Tools;
using HwGen.Tests.Tools;

namespace HwGen.Tests.Rtl.Compact;

/// <summary>
/// The compact hwgen_sampler alone: its widths, the plans it refuses, lint, and a simulation against
/// the golden sampler (SamplerBench: every temperature exponent bT, greedy and sampled, random logit
/// sets and the real logits of FixedGpt samples), each first start_i exactly ReadyCycles after the
/// seed load, every done_o exactly CompactSamplerTiming.Cycles after start_i.
/// </summary>
public class CompactSamplerModuleTests
{
    private static NumericsPlan Plan(string model) => CoreArch.Compact.PlanFor(model switch
    {
        "odd" => RtlTestModels.Odd,
        "wide2" => RtlTestModels.Wide2,
        // Logits with 1 fraction bit: the exp shift is 1 + 15 + 15 - 8 - 18 - 8 = -3 at bT = 0 (pre-shifted by 4).
        "talos-q15" => PlanBuilder.Fixed(SafeTensors.Load(TestPaths.TalosModel), new QFormat(15)),
        _ => RtlTestModels.Talos,
    });

    private static int LastLogitWriteGap(NumericsPlan plan, int lanes) =>
        CompactStepProgram.Build(plan, new CompactStepLayout(plan.Config, lanes)).LastLogitWriteGap;

    private static (string Dir, CompactSamplerResult Result) Write(NumericsPlan plan, string name)
    {
        var dir = Path.Combine(TestPaths.NewTempDir(name), "design");
        var files = new BuildPlan("test");
        var result = CompactSamplerDesign.AddTo(files, TemplateRenderer.ForShipped(TemplateFolders.Hdl), plan, LastLogitWriteGap(plan, 8));
        files.WriteAtomically(dir);
        return (dir, result);
    }

    [Test]
    public void TheWidthsOfTheSharedMicroGptFollowFromItsPlan()
    {
        // Q4.12 logits, Fr 15, Ie 8: s = 12 + 15 + 15 - 8 - 18 - 8 + bT = 8 + bT. LAMBDA = (47274 * y1) >> 18
        // with y1 <= 2^15: at most 5909, 13 bits. Z <= 27 * Exp2(0) = 27 * 2^15 < 2^20: 20 bits, 10 steps of r * Z (two bits each).
        // |w| beyond 2^12 (k = 16 = the entries' width) gives 0. The logit RAM's words hold the running sums: 20 bits.
        var view = CompactSamplerView.For(Plan("talos"));
        Assert.That((view.LambdaW, view.ShiftBase, view.PreShift, view.SumW, view.QW, view.ExpW, view.AuxW),
            Is.EqualTo((13, 8, 0, 20, 12, 16, 16)));
        Assert.That((view.RecipW, view.RecipDepth), Is.EqualTo((15, 256)));
        Assert.That((view.StoreW, view.StoreDepth, view.RzSteps, view.USh, view.FirstProbe, view.ProbeLast), Is.EqualTo((20, 32, 10, 12, 15, 4)));
    }

    [Test]
    public void TheTimingIsTheMaximumTheExponentialsTheDrawAndTheSearch()
    {
        // Greedy: 1 cycle (the maximum is taken as the step writes). Sampled: 27 + 7 (the exponentials: the last
        // logit, issued in cycle 27, summed 7 cycles later), 1 + 10 (r * Z, two bits of Z per step, its first step in the next cycle), 5 (the binary search's
        // probes) and done_o's cycle, whatever the token. Ready: the seed's x ^ x >> 16 (1), its two mixes (2 x 17: 16 radix-4 steps and a load), the temperature's
        // normalization (15), the reciprocal table's read (1), three multiplies (3 x 17), the end (1), the load (1)
        // and the first draw (64).
        // Counted from the cycle after the last logit write: at 8 lanes the step's last logit (26, lane 2 of lm_head's last
        // pass) is written 6 cycles before its done cycle, so done_o comes 45 cycles after start_i.
        var timing = (CompactSamplerTiming)Write(Plan("talos"), "csamp-timing").Result.Timing;
        Assert.That(timing.LastWriteGap, Is.EqualTo(6));
        Assert.That(timing.Cycles(true, 5), Is.EqualTo(1));
        Assert.That(timing.Cycles(false, 0), Is.EqualTo(45));
        Assert.That(timing.Cycles(false, 26), Is.EqualTo(45));
        Assert.That((timing with { LastWriteGap = 1 }).Cycles(false, 3), Is.EqualTo(50));
        Assert.That((timing with { LastWriteGap = 200 }).Cycles(false, 3), Is.EqualTo(6), "start_i after r * Z: the 5 probes and done_o");
        Assert.That(LastLogitWriteGap(Plan("talos"), 1), Is.EqualTo(1));
        Assert.That(LastLogitWriteGap(Plan("talos"), 4), Is.EqualTo(2));
        Assert.That(timing.ReadyCycles, Is.EqualTo(168));
    }

    [TestCase("talos")]
    [TestCase("odd")]
    public void TheSamplerIsReadyBeforeTheFirstStepOfASampleIsDone(string model)
    {
        // hwgen_core loads the seed in the start transfer (cycle 0) and starts step 0 after it: the
        // sampler's first start_i comes after that step's done_o, at least 1 + its stage cycles at position 0.
        var plan = Plan(model);
        var sampler = (CompactSamplerTiming)Write(plan, $"csamp-ready-{model}").Result.Timing;
        var step = CompactStepDesign.AddTo(new BuildPlan("test"), TemplateRenderer.ForShipped(TemplateFolders.Hdl), plan, 8);
        var shortest = 1 + step.Stages.Sum(st => st.CyclesAt(0, new int[plan.Config.NLayer])); // every MLP hidden code 0: fc2's fewest columns
        Assert.That(shortest, Is.GreaterThan(sampler.ReadyCycles));
        // The exponentials (which use LAMBDA) and r * Z (which uses the draw) start without start_i, the cycle after the
        // step's last logit write, LastWriteGap - 1 cycles before its done cycle: the per-sample work is done by then too.
        Assert.That(shortest + 1 - sampler.LastWriteGap, Is.GreaterThanOrEqualTo(sampler.ReadyCycles));
    }

    [Test]
    public void APlanWithTheFastCoresTablesIsRefusedWithWhatToDo()
    {
        var e = Assert.Throws<HwGenException>(() => CompactSamplerView.For(RtlTestModels.Talos));
        Assert.That(e!.Message, Is.EqualTo(
            "The compact sampler does not support the plan's tables TableParameters { ExpIndexBits = 10, ExpFracBits = 16, RecipIndexBits = 10, RecipFracBits = 20, RsqrtIndexBits = 8, RsqrtFracBits = 20 }: " +
            "its reciprocal takes the temperature normalized to 16 bits, which needs RecipFracBits 15, not 20. Build the plan with TableParameters.Compact (--arch compact does)."));
    }

    [Category("Tools")]
    [TestCase("talos")]
    [TestCase("odd")]
    public void TheModuleLintsCleanWithAllWarnings(string model)
    {
        var (dir, result) = Write(Plan(model), $"csamp-lint-{model}");
        var lint = VerilatorDriver.Create(ToolTestFiles.SharedCache).Lint(result.Sources.Select(s => Path.Combine(dir, s)).ToArray(), "hwgen_sampler");
        Assert.That(lint.Diagnostics.Select(d => d.ToString()), Is.Empty, lint.Output);
        Assert.That(lint.ExitCode, Is.Zero, lint.Output);
    }

    [Category("Tools")]
    [TestCase("talos")]
    [TestCase("talos-q15")]
    [TestCase("wide2")]
    [TestCase("odd")]
    public void TheModuleMatchesTheGoldenSamplerAndItsTimingExactly(string model)
    {
        var plan = Plan(model);
        var vocab = plan.Config.VocabSize;
        var (dir, result) = Write(plan, $"csamp-sim-{model}");
        var cases = SamplerBench.Cases(vocab, 11);
        cases.AddRange(RealLogitCases(plan));
        // Seed 0 mixes to the zero state, which the sampler replaces by the zero seed's state.
        cases.Add(new SamplerCase(0u, 300, false, SamplerBench.Cases(vocab, 5)[3].Tokens));
        // The bench gives start_i a cycle after the last logit write.
        var timing = (CompactSamplerTiming)result.Timing with { LastWriteGap = 1 };
        var tokens = SamplerBench.AssertMatches(plan, dir, result.Sources, timing, cases, startCycle: timing.ReadyCycles, serialLogits: true);
        Assert.That(tokens, Is.GreaterThan(vocab / 3), "the cases choose many different tokens");
    }

    /// <summary>The logits of every step of golden samples (several temperatures), one case per sample.</summary>
    private static IEnumerable<SamplerCase> RealLogitCases(NumericsPlan plan)
    {
        var sampler = new FixedSampler(new FixedGpt(plan));
        var temperatures = new[] { 64, 128, 192, 256, 384, 1000 };
        for (var s = 0; s < temperatures.Length; s++)
        {
            var seed = (uint)(1000 + s);
            var sample = sampler.Generate(seed, temperatures[s], greedy: false, recordLogits: true);
            yield return new SamplerCase(seed, temperatures[s], false, sample.Logits!.ToList());
        }
    }
}
