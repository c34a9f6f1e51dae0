using HwGen.Golden;
using HwGen.Model;
using HwGen.Rtl;
using HwGen.Sampling;
using HwGen.Simulation;
using HwGen.Tests.Rtl;
using HwGen.Verification;

namespace HwGen.Tests.Simulation;

/// <summary>
/// The generated core and sampler around a stub step (StubStep/hwgen_step.sv) that is done two
/// cycles after its start, far shorter than the 27-cycle debug logit stream: the core must hold each
/// step's logits until the stream frees up (debug_wait), stream every logit in order, choose the
/// tokens of docs/numerics.md 5.4 from the stub's logits, and follow RtlSchedule.Predict exactly.
/// </summary>
[Category("Verilator")]
public class ShortStepCoreTests
{
    private static readonly ModelConfig Config = RtlTestModels.Talos.Config;

    /// <summary>The stub's logits: 97 * ((t * 7 + p * 5 + i * 11) mod 23) - 1000.</summary>
    private static int[] StubLogits(int token, int pos) =>
        Enumerable.Range(0, Config.VocabSize).Select(i => 97 * ((token * 7 + pos * 5 + i * 11) % 23) - 1000).ToArray();

    /// <summary>microGPT's sampler (docs/hardware.md) over the stub's logits, with the golden model's draw.</summary>
    private sealed class StubReference(FixedSampler sampler) : ISampleReference
    {
        public ExpectedSample Generate(SampleStimulus s)
        {
            var greedy = s.Greedy || s.Temperature == 0;
            var (lambda, frac) = greedy ? (0L, 0) : sampler.Lambda(s.Temperature);
            var rng = new XorShift32(unchecked((int)s.Seed));
            var logits = new List<IReadOnlyList<int>>();
            var tokens = new List<int>();
            var token = Config.Bos;
            for (var pos = 0; pos < Config.BlockSize; pos++)
            {
                var codes = StubLogits(token, pos);
                logits.Add(codes);
                if (pos < s.Prompt.Count)
                {
                    token = s.Prompt[pos];
                    continue;
                }
                var next = greedy ? FixedSampler.ArgMax(codes) : sampler.Draw(codes, lambda, frac, rng.NextUInt32());
                if (next == Config.Bos)
                    break;
                tokens.Add(next);
                if (s.MaxLen > 0 && tokens.Count == s.MaxLen)
                    break;
                token = next;
            }
            return new ExpectedSample(s.Id, tokens, logits);
        }
    }

    [TestCase(4)]
    [TestCase(16)]
    [TestCase(48)]
    public void TheCoreWaitsForItsDebugStreamAndTheModelSaysHowLong(int lanes)
    {
        var work = TestPaths.NewTempDir($"short-step-{lanes}");
        var dir = Path.Combine(work, "design");
        var rtl = RtlGenerator.Generate(RtlTestModels.Talos, new RtlOptions(lanes, "test"));
        rtl.Files.WriteAtomically(dir);
        File.Copy(Path.Combine(VerilatorFixture.FixtureFolder, "..", "StubStep", "hwgen_step.sv"), Path.Combine(dir, "hwgen_step.sv"), overwrite: true);
        var design = new DesignSources(dir, rtl.Sources, rtl.Top, Config, "stub step");
        var stimulus = StimulusSet.Mixed(40, 3, Config);

        var run = VerilatorFixture.Runner().Simulate(design, stimulus, SimulationOptions.Default, Path.Combine(work, "sim"));

        var expected = stimulus.Select(new StubReference(new FixedSampler(new FixedGpt(RtlTestModels.Talos))).Generate).ToArray();
        var report = Verifier.Compare(stimulus, expected, run.Results.Samples);
        Assert.That(report.FirstDivergence, Is.Null, $"first divergence: {report.FirstDivergence}");
        // The stub's step: one instruction of two cycles (as a matrix-vector product of one row step
        // and two chunks: two issue cycles, nothing after it to wait for its rows).
        var schedule = RtlSchedule.For(Config, LaneGrid.For(Config, lanes), [new StepInstruction(StepOp.Matvec, "stub", RowSteps: 1, Chunks: 2)]);
        var cycles = CycleModelCheck.Run(schedule, Config, stimulus, expected, run.Results.Samples);
        Assert.That(cycles.First, Is.Null, $"first cycle difference: {cycles.First}");
        var records = run.Results.Samples.SelectMany(r => r.Stages).ToArray();
        var waits = records.SelectMany(s => s).Where(c => c.Code == CoreStage.DebugWait).Sum(c => c.Cycles);
        Assert.That(waits, Is.GreaterThan(records.Length * 10), "the steps wait for the stream");
        Directory.Delete(work, recursive: true);
    }
}
