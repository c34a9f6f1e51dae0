using HwGen.Model;
using HwGen.Quantization;
using HwGen.Rtl;
using HwGen.Simulation;
using HwGen.Tests.Simulation;
using HwGen.Verification;

namespace HwGen.Tests.Verification;

/// <summary>
/// The generated hardware of the shared models (and of a shape nobody trained), simulated with
/// the real Verilator, against the golden model: 200 samples each (seeds seed+k, temperatures 1.0
/// and 0.5, greedy, prompts, length limits), every token and logit code equal. One design per
/// model, built once (cache).
/// </summary>
[Category("Verilator")]
public class HardwareVerificationTests
{
    private readonly Dictionary<string, DesignUnderTest> _designs = [];
    private SimulationRunner _runner = null!;
    private string _work = null!;

    [OneTimeSetUp]
    public void GenerateAndBuild()
    {
        _runner = VerilatorFixture.Runner();
        _work = TestPaths.NewTempDir("hw-verify");
        foreach (var (name, path, lanes, arch) in new[]
        {
            ("talos", TestPaths.TalosModel, 4, CoreArch.Fast), ("wide2", TestPaths.Wide2Model, 8, CoreArch.Fast),
            ("talos-compact", TestPaths.TalosModel, 8, CoreArch.Compact), ("wide2-compact", TestPaths.Wide2Model, 8, CoreArch.Compact),
        })
        {
            var plan = PlanFactory.Create(SafeTensors.Load(path), "auto", null);
            Add(name, DesignUnderTest.Generate(plan, lanes, $"{Path.GetFileName(path)} sha256 {QuantizedOutput.Sha256(path)}", Path.Combine(_work, name), arch));
        }
        // A shape nobody trained: 3 heads of 8, 3 layers, block 32, vocab 40 (BOS 39); 5 lanes, and 4 in the compact core.
        Add("odd", DesignUnderTest.Generate(Rtl.RtlTestModels.Odd, 5, "odd shape e24h3l3b32v40", Path.Combine(_work, "odd")));
        Add("odd-compact", DesignUnderTest.Generate(Rtl.RtlTestModels.Odd, 4, "odd shape e24h3l3b32v40", Path.Combine(_work, "odd-compact"), CoreArch.Compact));

        void Add(string name, DesignUnderTest dut)
        {
            _runner.Build(dut.Design, Path.Combine(_work, name + "-sim"));
            _designs[name] = dut;
        }
    }

    [OneTimeTearDown]
    public void CleanUp() => Directory.Delete(_work, recursive: true);

    [TestCase("talos", 1, 200)]
    [TestCase("wide2", 2, 200)]
    [TestCase("odd", 3, 60)]
    [TestCase("talos-compact", 1, 200)]
    [TestCase("wide2-compact", 2, 100)]
    [TestCase("odd-compact", 3, 40)]
    public void AllSamplesAgreeBitForBit(string model, int seed, int samples)
    {
        var dut = _designs[model];
        var stimulus = StimulusSet.Mixed(samples, seed, dut.Plan.Config);

        var result = HardwareVerification.Run(_runner, dut.Design, dut.Golden, stimulus, SimulationOptions.Default, Path.Combine(_work, model + "-sim"));

        Assert.That(result.Report.FirstDivergence, Is.Null, $"first divergence: {result.Report.FirstDivergence}");
        Assert.That(result.Report.Mismatches, Is.EqualTo(0));
        Assert.That(result.Report.Samples, Is.EqualTo(samples));
        Assert.That(result.Report.Tokens, Is.EqualTo(result.Simulation.Results.TokenCount));
        Assert.That(result.Report.LogitsCompared, Is.EqualTo((long)result.Report.Steps * dut.Plan.Config.VocabSize));
    }

    [TestCase("talos", 6, 40)]
    [TestCase("wide2", 4, 30)]
    [TestCase("odd", 5, 20)]
    [TestCase("talos-compact", 6, 40)]
    [TestCase("wide2-compact", 4, 20)]
    [TestCase("odd-compact", 5, 15)]
    public void TheCycleModelPredictsEveryStageTokenAndDoneCycle(string model, int seed, int samples)
    {
        var dut = _designs[model];
        var config = dut.Plan.Config;
        var stimulus = StimulusSet.Mixed(samples, seed, config);

        var run = _runner.Simulate(dut.Design, stimulus, SimulationOptions.Default, Path.Combine(_work, model + "-sim"));
        var expected = stimulus.Select(dut.Golden.Generate).ToArray();
        var report = CycleModelCheck.Run(dut.Rtl.Schedule, config, stimulus, expected, run.Results.Samples);

        Assert.That(report.First, Is.Null, $"first cycle difference: {report.First}");
        // Every step shows every instruction of the program at least once.
        var steps = run.Results.Samples.Sum(r => r.Stages.Count);
        Assert.That(report.Compared, Is.GreaterThan((long)steps * dut.Rtl.Schedule.Stages.Count));
        for (var i = 0; i < stimulus.Count; i++)
        {
            var (s, r) = (stimulus[i], run.Results.Samples[i]);
            // Independently of the check: a step's stages add up to its step cycles (at the step's nonzero MLP hidden
            // counts: the compact core's fc2 depends on them), less the idle cycle that took the start.
            for (var step = 0; step < r.Stages.Count; step++)
                Assert.That(r.Stages[step].Where(c => c.Code < CoreStage.FirstPhase).Sum(c => c.Cycles), Is.EqualTo(dut.Rtl.Schedule.StepCycles(step, expected[i].HiddenNonzero![step]) - 1), $"sample {s.Id} step {step}");
        }
    }

    [Test]
    public void ACorruptedRomWordIsCaughtAtTheStepThatReadsIt()
    {
        var dut = _designs["talos"];
        var corrupt = Path.Combine(_work, "talos-corrupt");
        CopyFolder(dut.Design.Directory, corrupt);
        // Flip a high bit of wpe[3][0]: only the step at position 3 reads it.
        var layout = new WeightBankLayout(dut.Plan.Tensors.Select(q => (q.Name, q.Rows, q.Cols)), LaneGrid.For(dut.Plan.Config, dut.Rtl.Lanes));
        var wpe = layout[TensorNames.Wpe];
        FlipWord(Path.Combine(corrupt, "weights_bank0.mem"), wpe.Base + 3 * wpe.Chunks, 0x4000);
        var design = dut.Design with { Directory = corrupt };
        // Greedy samples after prompts of one to three tokens: the fault is the only thing tested.
        var stimulus = Enumerable.Range(0, 12)
            .Select(i => new SampleStimulus(i, (uint)i + 1, 256, true, 0, Enumerable.Range(0, i % 4).Select(k => (i + 5 * k) % 26).ToArray()))
            .ToArray();
        var firstLongSample = stimulus.Select(dut.Golden.Generate).First(e => e.Logits.Count > 3).Id;

        var result = HardwareVerification.Run(_runner, design, dut.Golden, stimulus, SimulationOptions.Default, Path.Combine(_work, "talos-corrupt-sim"));

        Assert.That(result.Simulation.Build.CacheHit, Is.True, "ROM images are read at run time: no rebuild");
        Assert.That(result.Report.Passed, Is.False);
        var d = result.Report.FirstDivergence!;
        Assert.That((d.Sample, d.Step, d.Output), Is.EqualTo((firstLongSample, 3, "logits")));
        Assert.That(d.ToString(), Does.StartWith($"sample {firstLongSample}, step 3, logits["));
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
    }

    /// <summary>XORs <paramref name="mask"/> into data word <paramref name="index"/> of a .mem file (comment lines skipped).</summary>
    private static void FlipWord(string memFile, int index, int mask)
    {
        var lines = File.ReadAllLines(memFile);
        var seen = -1;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("//", StringComparison.Ordinal) || lines[i].Length == 0)
                continue;
            if (++seen == index)
            {
                var word = Convert.ToInt32(lines[i], 16) ^ mask;
                lines[i] = word.ToString("x4", System.Globalization.CultureInfo.InvariantCulture);
                File.WriteAllLines(memFile, lines);
                return;
            }
        }
        throw new InvalidOperationException($"{memFile} has no word {index}");
    }
}
