using HwGen.Rtl;
using HwGen.Simulation;
using HwGen.Tests.Rtl;
using HwGen.Verification;

namespace HwGen.Tests.Verification;

/// <summary>
/// The cycle model check on hand-made simulation results: what it reports when a count differs.
/// (That the model equals the real simulation is checked under Verilator in HardwareVerificationTests.)
/// </summary>
public class CycleModelCheckTests
{
    private static readonly RtlDesign Design = RtlGenerator.Generate(RtlTestModels.Talos, new RtlOptions(4, "test"));

    // Sample 7: greedy, no prompt, at most 2 tokens (chosen 3 then 4): two steps, ended by max_len.
    private static readonly SampleStimulus[] Stimulus = [new(7, 1u, 256, true, 2, [])];

    private static readonly ExpectedSample[] Expected = [new(7, [3, 4], [new int[27], new int[27]])];

    /// <summary>Results that repeat the prediction, with <paramref name="change"/> applied.</summary>
    private static SampleResult[] Simulated(Func<SampleResult, SampleResult>? change = null)
    {
        var t = Design.Schedule.Predict(RtlTestModels.Talos.Config, 0, [3, 4], true, 2);
        var result = new SampleResult(7, 1000, 1000 + t.DoneCycle, t.TokenCycles.Select((c, k) => new EmittedToken(3 + k, 1000 + c)).ToArray(),
            [new int[27], new int[27]], t.Steps);
        return [change is null ? result : change(result)];
    }

    private static CycleModelReport Check(SampleResult[] actual) =>
        CycleModelCheck.Run(Design.Schedule, RtlTestModels.Talos.Config, Stimulus, Expected, actual);

    [Test]
    public void AgreementPassesAndCountsEveryComparison()
    {
        var report = Check(Simulated());

        var stageCounts = Simulated()[0].Stages.Sum(s => s.Count);
        // Every stage of both steps, the step count, 2 token cycles, the token count, the done cycle.
        Assert.That(report, Is.EqualTo(new CycleModelReport(stageCounts + 1 + 2 + 1 + 1, 0, null)));
    }

    [Test]
    public void AStageThatTookOneCycleMoreIsNamedWithBothCounts()
    {
        var q = Design.Schedule.Stages.Select(s => s.Name).ToList().IndexOf("layer0.q");
        var predicted = Design.Schedule.Stages[q].Cycles(1);

        var report = Check(Simulated(r => r with
        {
            Stages = [r.Stages[0], r.Stages[1].Select(s => s.Code == q ? s with { Cycles = s.Cycles + 1 } : s).ToArray()],
        }));

        Assert.That(report.Passed, Is.False);
        Assert.That(report.Mismatches, Is.EqualTo(1));
        Assert.That(report.First!.ToString(), Is.EqualTo($"sample 7, step 1, stage layer0.q: predicted {predicted} cycles, simulated {predicted + 1}"));
    }

    [Test]
    public void AStageTheModelDoesNotKnowIsReported()
    {
        // Code 253 is neither an instruction nor a phase of the core.
        var report = Check(Simulated(r => r with { Stages = [[.. r.Stages[0], new StageCycles(253, 3)], r.Stages[1]] }));

        Assert.That(report.Passed, Is.False);
        Assert.That(report.First!.ToString(), Is.EqualTo("sample 7, step 0, stage code 253: predicted 0 cycles, simulated 3"));
    }

    [Test]
    public void ALateTokenIsReportedWithItsCycles()
    {
        var report = Check(Simulated(r => r with { Tokens = [r.Tokens[0], r.Tokens[1] with { Cycle = r.Tokens[1].Cycle + 2 }] }));

        var predicted = Simulated()[0].Tokens[1].Cycle - 1000;
        Assert.That(report.Mismatches, Is.EqualTo(1));
        Assert.That(report.First!.ToString(), Is.EqualTo($"sample 7, step 1, token 1: predicted at cycle {predicted} after the start, simulated at {predicted + 2}"));
    }

    // The compact core at 8 lanes: fc2 takes 2 * max(nz, 8) + 12 cycles, nz the step's nonzero hidden codes.
    private static readonly RtlDesign Compact = RtlGenerator.Generate(CoreArch.Compact.PlanFor(RtlTestModels.Talos), new RtlOptions(8, "test", CoreArch.Compact));

    private static SampleResult[] CompactSimulated(IReadOnlyList<IReadOnlyList<int>> nonzero)
    {
        var t = Compact.Schedule.Predict(RtlTestModels.Talos.Config, 0, [3, 4], true, 2, nonzero);
        return [new SampleResult(7, 1000, 1000 + t.DoneCycle, t.TokenCycles.Select((c, k) => new EmittedToken(3 + k, 1000 + c)).ToArray(),
            [new int[27], new int[27]], t.Steps)];
    }

    [Test]
    public void TheCompactCoresFc2IsCheckedAtTheReferencesHiddenCounts()
    {
        var config = RtlTestModels.Talos.Config;
        ExpectedSample Reported(params int[][] nonzero) => Expected[0] with { HiddenNonzero = nonzero };
        // The simulation took the cycles of 3 then 21 nonzero hidden codes.
        var actual = CompactSimulated([[3], [21]]);

        Assert.That(CycleModelCheck.Run(Compact.Schedule, config, Stimulus, [Reported([3], [21])], actual).Passed, Is.True);

        // A reference that counts 20 at step 1: fc2 predicted 2 cycles fewer; the token and done cycles follow.
        var report = CycleModelCheck.Run(Compact.Schedule, config, Stimulus, [Reported([3], [20])], actual);
        Assert.That(report.First!.ToString(), Is.EqualTo("sample 7, step 1, stage layer0.fc2+mlp_residual: predicted 52 cycles, simulated 54"));
        Assert.That(report.Mismatches, Is.EqualTo(3));

        // Below 8 the pass is 8 columns long all the same: 3 and 5 predict the same cycles.
        Assert.That(CycleModelCheck.Run(Compact.Schedule, config, Stimulus, [Reported([5], [21])], actual).Passed, Is.True);

        var ex = Assert.Throws<HwGenException>(() => CycleModelCheck.Run(Compact.Schedule, config, Stimulus, Expected, actual));
        Assert.That(ex!.Message, Is.EqualTo("Cycle model check: the step's cycles depend on each step's nonzero MLP hidden codes, which the reference of sample 7 does not report; check against the golden model."));
    }
}
