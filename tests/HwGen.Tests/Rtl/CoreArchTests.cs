using HwGen.Fpga;
using HwGen.Numerics;
using HwGen.Rtl;
using HwGen.Tests.Cli;

namespace HwGen.Tests.Rtl;

/// <summary>The architecture choice: names, the tables that go with it, the board defaults, the schedule of any step and sampler.</summary>
public sealed class CoreArchTests
{
    [Test]
    public void NamesParseBothWaysAndABadOneSaysWhatToGive()
    {
        Assert.That(CoreArchs.Parse("compact"), Is.EqualTo(CoreArch.Compact));
        Assert.That(CoreArchs.Parse("Fast"), Is.EqualTo(CoreArch.Fast));
        Assert.That(CoreArch.Compact.Name(), Is.EqualTo("compact"));
        var e = Assert.Throws<HwGenException>(() => CoreArchs.Parse("tiny"));
        Assert.That(e!.Message, Is.EqualTo("--arch tiny: not an architecture; give fast (throughput) or compact (area: the iCE40 UP5K)."));
    }

    [Test]
    public void EveryCompactTableEntryAndUnitOutputFitsSixteenBitsUnsigned()
    {
        var t = TableParameters.Compact;
        Assert.That(ExpTable.Generate(t.ExpIndexBits, t.ExpFracBits).Max(), Is.LessThan(1 << 16));
        Assert.That(ReciprocalTable.Generate(t.RecipIndexBits, t.RecipFracBits).Max(), Is.LessThan(1 << 15));
        Assert.That(RsqrtTable.Generate(t.RsqrtIndexBits, t.RsqrtFracBits).Max(), Is.LessThan(1 << 15));
        var units = new NonlinearUnits(t);
        Assert.That(units.Exp2(0), Is.EqualTo(1 << 15));
        // The largest reciprocal and 1/sqrt results come at the smallest mantissas.
        var recip = Enumerable.Range(1, 1 << 12).Max(v => units.Reciprocal(v, out _));
        var rsqrt = Enumerable.Range(1, 1 << 12).Max(u => units.Rsqrt(u, out _));
        Assert.That(recip, Is.LessThanOrEqualTo(1 << 15));
        Assert.That(rsqrt, Is.LessThanOrEqualTo(1 << 15));
    }

    [Test]
    public void APlanForTheCompactCoreHasItsTablesAndKeepsItsFormatsAndWeights()
    {
        var plan = RtlTestModels.Talos;
        var compact = CoreArch.Compact.PlanFor(plan);
        Assert.That(compact.Tables, Is.EqualTo(TableParameters.Compact));
        Assert.That(compact.Sites, Is.EqualTo(plan.Sites));
        Assert.That(compact.Tensors, Is.EqualTo(plan.Tensors));
        Assert.That(CoreArch.Fast.PlanFor(plan), Is.SameAs(plan));
    }

    [Test]
    public void TheCompactGeneratorRefusesAPlanWithOtherTables()
    {
        var e = Assert.Throws<ArgumentException>(() => RtlGenerator.Generate(RtlTestModels.Talos, new RtlOptions(8, "test", CoreArch.Compact)));
        Assert.That(e!.Message, Does.StartWith("the compact core is built for"));
    }

    [Test]
    public void OnlyTheUp5kDefaultsToTheCompactCore()
    {
        Assert.That(FpgaTargets.All.Where(t => t.DefaultArch == CoreArch.Compact).Select(t => t.Name), Is.EqualTo(new[] { "ice40-up5k" }));
    }

    [Test]
    public void AScheduleOfAnyStepAndSamplerPredictsFromTheirCycles()
    {
        // Two stages of 10 and 5 + pos cycles, a sampler of 3 cycles greedy and 7 + token sampled.
        var stages = new[] { new ScheduleStage("a", _ => 10), new ScheduleStage("b", pos => 5 + pos) };
        var schedule = RtlSchedule.Of(stages, new FixedSampler(), 27);
        Assert.That(schedule.StepCycles(0), Is.EqualTo(16));
        Assert.That(schedule.StepCycles(3), Is.EqualTo(19));
        // Greedy, no prompt, tokens 4 then BOS: step 0 done in cycle 15, its logits taken then (no
        // stream before), the sampler done in 18 (token 4 emitted, step 1 starts in 18); step 1 done in
        // 18 + 17 - 1 = 34, but the stream of step 0's logits (16 .. 42) keeps its logits until 42;
        // the sampler chooses BOS in 45; the done pulse after the stream of step 1's logits (43 .. 69).
        var t = schedule.Predict(HwGen.Model.ModelConfig.MicroGpt, 0, [4, 26], greedy: true, maxLength: 0);
        Assert.That(t.TokenCycles, Is.EqualTo(new long[] { 18 }));
        Assert.That(t.DoneCycle, Is.EqualTo(69));
    }

    [Test]
    public void ADataDependentStageTakesEachStepsHiddenCounts()
    {
        // Stage b takes 5 + twice layer 0's nonzero hidden count (at most 5 + 2 * 64 = 133).
        var stages = new[] { new ScheduleStage("a", _ => 10), new ScheduleStage("b", _ => 133) { DataCycles = (_, nz) => 5 + 2 * nz[0] } };
        var schedule = RtlSchedule.Of(stages, new FixedSampler(), 27);
        Assert.That(schedule.DataDependent, Is.True);
        Assert.That(schedule.StepCycles(0), Is.EqualTo(1 + 10 + 133));
        Assert.That(schedule.StepCycles(0, [3]), Is.EqualTo(1 + 10 + 11));
        // Greedy, no prompt, tokens 4 then BOS, counts 3 then 20: step 0 (22 cycles) done in 21, the sampler in 24,
        // step 1 (1 + 10 + 45 = 56 cycles, from 24) done in 24 + 56 - 1 = 79 (the stream of step 0's logits ended at 48),
        // BOS chosen in 82, done after step 1's stream (80 .. 106).
        var t = schedule.Predict(HwGen.Model.ModelConfig.MicroGpt, 0, [4, 26], greedy: true, maxLength: 0, hiddenNonzero: [[3], [20]]);
        Assert.That(t.TokenCycles, Is.EqualTo(new long[] { 24 }));
        Assert.That(t.DoneCycle, Is.EqualTo(106));
        Assert.That(t.Steps[1].Single(s => s.Code == 1).Cycles, Is.EqualTo(45));
        var ex = Assert.Throws<ArgumentException>(() => schedule.Predict(HwGen.Model.ModelConfig.MicroGpt, 0, [4, 26], greedy: true, maxLength: 0));
        Assert.That(ex!.Message, Does.StartWith("this schedule's step cycles depend on each step's count of nonzero MLP hidden codes: pass them (the golden model reports them)"));
        ex = Assert.Throws<ArgumentException>(() => schedule.Predict(HwGen.Model.ModelConfig.MicroGpt, 0, [4, 26], greedy: true, maxLength: 0, hiddenNonzero: [[3]]));
        Assert.That(ex!.Message, Does.StartWith("the sample needs the nonzero hidden counts of position 1; only 1 given"));
    }

    [Test]
    public void ABadArchOnTheCommandLineIsRejectedBeforeAnythingIsWritten()
    {
        var outDir = Path.Combine(TestPaths.NewTempDir("generate-arch-bad"), "core");
        var r = CliInvocation.Run("generate", "--model", TestPaths.TalosModel, "--out", outDir, "--arch", "tiny");
        Assert.That(r.ExitCode, Is.Not.Zero);
        Assert.That(r.Stderr, Does.Contain("tiny"));
        Assert.That(Directory.Exists(outDir), Is.False);
    }

    private sealed class FixedSampler : ISamplerTiming
    {
        public int Cycles(bool greedy, int token) => greedy ? 3 : 7 + token;
    }
}
