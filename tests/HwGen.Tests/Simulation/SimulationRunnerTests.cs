using HwGen.Simulation;
using HwGen.Verification;

namespace HwGen.Tests.Simulation;

/// <summary>The harness, the runner and the parser on the fixture core, with the real Verilator.</summary>
[Category("Verilator")]
public class SimulationRunnerTests
{
    private SimulationRunner _runner = null!;
    private string _work = null!;

    private string _harness = null!;

    [OneTimeSetUp]
    public void BuildOnce()
    {
        _runner = VerilatorFixture.Runner();
        _work = TestPaths.NewTempDir("sim-fixture");
        _harness = _runner.Build(VerilatorFixture.FixtureDesign(), _work).Executable;
    }

    [OneTimeTearDown]
    public void CleanUp() => Directory.Delete(_work, recursive: true);

    [Test]
    public void AGreedySampleFillsTheBlockOnTheFixturesSchedule()
    {
        var stimulus = new[] { new SampleStimulus(0, 5u, 256, true, 0, []) };

        var run = _runner.Simulate(VerilatorFixture.FixtureDesign(), stimulus, SimulationOptions.Default, _work);

        // The fixture: start transfer at cycle 0 (the first after reset), 27 logit cycles, a
        // choose cycle, then the token transfer: token k at cycle 29 + 29k; done one cycle later.
        var sample = run.Results.Samples.Single();
        Assert.That(sample.StartCycle, Is.EqualTo(0));
        Assert.That(sample.Tokens, Is.EqualTo(Enumerable.Range(0, 16).Select(k => new EmittedToken(k, 29 + 29 * k)).ToArray()));
        Assert.That(sample.DoneCycle, Is.EqualTo(29 + 29 * 15 + 1));
        Assert.That(sample.Logits, Has.Count.EqualTo(16));
        Assert.That(sample.Logits[3][5], Is.EqualTo(FixtureReference.Logit(3, 2, 5)));
        Assert.That(run.Results.CyclesPerToken, Is.EqualTo(new CycleStatistics(16, 29, 29, 29)));
        // dbg_stage_o: 27 logit cycles (code 0), choose (248), emit (251); the start cycle (255)
        // counts in step 0, the done pulse (252) in the last step.
        Assert.That(sample.Stages, Has.Count.EqualTo(16));
        Assert.That(sample.Stages[0], Is.EqualTo(new StageCycles[] { new(0, 27), new(248, 1), new(251, 1), new(255, 1) }));
        Assert.That(sample.Stages[7], Is.EqualTo(new StageCycles[] { new(0, 27), new(248, 1), new(251, 1) }));
        Assert.That(sample.Stages[15], Is.EqualTo(new StageCycles[] { new(0, 27), new(248, 1), new(251, 1), new(252, 1) }));
    }

    [Test]
    public void AMixedBatchAgreesWithTheFixtureReference()
    {
        var stimulus = StimulusSet.Mixed(60, 11, HwGen.Model.ModelConfig.MicroGpt);

        var verification = HardwareVerification.Run(_runner, VerilatorFixture.FixtureDesign(), new FixtureReference(), stimulus, SimulationOptions.Default, _work);

        Assert.That(verification.Report.FirstDivergence, Is.Null);
        Assert.That(verification.Report.Samples, Is.EqualTo(60));
        Assert.That(verification.Report.Tokens, Is.EqualTo(verification.Simulation.Results.TokenCount));
        Assert.That(verification.Report.Tokens, Is.GreaterThan(100));
        Assert.That(verification.Simulation.Build.CacheHit, Is.True);
    }

    [Test]
    public void AHangingSampleTripsTheWatchdog()
    {
        var stimulus = new[]
        {
            new SampleStimulus(0, 5u, 256, true, 2, []),
            new SampleStimulus(1, 0xDEADBEEFu, 256, true, 0, []),
        };

        var e = Assert.Throws<HwGenException>(() =>
            _runner.Simulate(VerilatorFixture.FixtureDesign(), stimulus, SimulationOptions.Default with { MaxCyclesPerSample = 1000 }, _work));

        // Sample 0 ends at cycle 59 (two tokens); sample 1 starts at 60 and hangs from then.
        Assert.That(e!.Message, Does.StartWith(
            "Simulation: sample 1 ran past the watchdog of 1000 cycles (cycle counter 1060); the core never finished it. Raise --max-cycles if the design is only slow, or look at a trace (--trace). Log: "));
    }

    [Test]
    public void ATraceBuildWritesAnFstFile()
    {
        var trace = Path.Combine(_work, "wave.fst");
        var stimulus = new[] { new SampleStimulus(0, 5u, 256, true, 1, []) };

        var run = _runner.Simulate(VerilatorFixture.FixtureDesign(), stimulus, SimulationOptions.Default with { TraceFile = trace }, _work);

        Assert.That(run.Results.Samples.Single().TokenValues, Is.EqualTo(new[] { 0 }));
        Assert.That(new FileInfo(trace).Length, Is.GreaterThan(100));
    }

    [Test]
    public void AFaultyCoreIsCaughtAtTheStepAndIndex()
    {
        var design = VerilatorFixture.FixtureDesign(badLogitPos: 3, badLogitIndex: 5);
        var stimulus = new[]
        {
            new SampleStimulus(0, 7u, 256, false, 2, []),  // two tokens: steps 0 and 1 only
            new SampleStimulus(1, 5u, 256, true, 0, []),
        };

        var verification = HardwareVerification.Run(_runner, design, new FixtureReference(), stimulus, SimulationOptions.Default, _work);

        Assert.That(verification.Report.Passed, Is.False);
        Assert.That(verification.Report.Mismatches, Is.EqualTo(1));
        // Greedy from BOS feeds token 2 at step 3: logit 5 is 3*1000 + 2*30 + 5 = 3065, the fault adds 1.
        Assert.That(verification.Report.FirstDivergence!.ToString(), Is.EqualTo("sample 1, step 3, logits[5]: expected 3065, actual 3066"));
    }

    [Test]
    public void ACoreThatSkipsALogitBreaksTheContract()
    {
        var stimulus = new[] { new SampleStimulus(0, 5u, 256, true, 0, []) };

        var e = Assert.Throws<HwGenException>(() =>
            _runner.Simulate(VerilatorFixture.FixtureDesign(skipLogitIndex: 6), stimulus, SimulationOptions.Default, _work));

        // Index 5 goes out at cycle 6 (logits start the cycle after the start transfer at 0); 7 follows at 7.
        Assert.That(e!.Message, Does.StartWith(
            "Simulation: the core broke the port contract of docs/hardware.md in sample 0 at cycle 7: logit index 7 where 6 was due at position 0. Check the generated design. Log: "));
    }

    [TestCase("hwgen-stimulus 2\n", "line 1: expected 'hwgen-stimulus 1'")]
    [TestCase("hwgen-stimulus 1\nsample 0 seed 1 temperature 256 greedy 1 max_len 17 prompt 0\n", "line 2: 'max_len' needs a number from 0 to 16")]
    [TestCase("hwgen-stimulus 1\nsample 0 seed 1 temperature 256 greedy 1 max_len 0 prompt 1 27\n", "line 2: prompt token 0 must be a number below 27")]
    [TestCase("hwgen-stimulus 1\nsample 0 seed 1 temperature 256 greedy 1 max_len 0 prompt 0 5\n", "line 2: unexpected '5' after the prompt")]
    public void TheHarnessRefusesABadStimulusWithExitCode2(string stimulus, string message)
    {
        var file = Path.Combine(_work, "bad-stimulus.txt");
        File.WriteAllText(file, stimulus);

        var result = HwGen.Tools.ProcessRunner.Run(new HwGen.Tools.ProcessSpec(_harness, [file, Path.Combine(_work, "bad-results.txt")], Timeout: TimeSpan.FromMinutes(1)));

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Stderr, Is.EqualTo($"harness: {file} {message}\n"));
    }
}
