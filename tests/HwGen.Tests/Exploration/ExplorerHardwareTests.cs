using System.Globalization;
using HwGen.Exploration;
using HwGen.Golden;
using HwGen.Model;
using HwGen.Quantization;
using HwGen.Rendering;
using HwGen.Rtl;
using HwGen.Simulation;
using HwGen.Tests.Simulation;

namespace HwGen.Tests.Exploration;

/// <summary>
/// Two-point explorations of the shared microGPT with the real Verilator (no yosys): the simulated
/// cycles per token equal the schedule's prediction for the same stimulus, a rerun comes from the
/// cache, and a point whose hardware differs from the golden model is marked failed.
/// </summary>
[Category("Verilator")]
public class ExplorerHardwareTests
{
    private const int Samples = 20;
    private const int Seed = 5;
    private NumericsPlan _plan = null!;
    private string _dir = null!;

    [OneTimeSetUp]
    public void Quantize()
    {
        _plan = PlanFactory.Create(SafeTensors.Load(TestPaths.TalosModel), "auto", null);
        _dir = TestPaths.NewTempDir("explore-hw");
    }

    [OneTimeTearDown]
    public void CleanUp() => Directory.Delete(_dir, recursive: true);

    private DesignSpaceExplorer Explorer(string cache, Action<string>? tamper = null) =>
        new(VerilatorFixture.Driver, new ResultCache(Path.Combine(_dir, cache)), simTemplates: new TemplateRenderer(Path.Combine(TestPaths.RepoRoot, "sim"), "sim"))
        {
            WorkRoot = Path.Combine(_dir, "work-" + cache),
            AfterGenerate = tamper,
        };

    private static ExploreSettings Settings(params int[] lanes) => new(lanes, null, Samples, VerifySamples: 12, Seed: Seed, Temperature: 0.5, Jobs: 2);

    /// <summary>
    /// The mean cycles per token the schedule of <paramref name="lanes"/> predicts for the golden
    /// model's tokens (worked out here, not by the explorer); the compact core's golden model has its tables.
    /// </summary>
    private double ScheduleMean(int lanes, CoreArch arch = CoreArch.Fast)
    {
        var plan = arch.PlanFor(_plan);
        var config = plan.Config;
        var schedule = RtlGenerator.Generate(plan, new RtlOptions(lanes, "test", arch)).Schedule;
        var sampler = new FixedSampler(new FixedGpt(plan));
        long sum = 0, count = 0;
        foreach (var s in StimulusSet.Uniform(Samples, Seed, 0.5, greedy: false))
        {
            var sample = sampler.Generate(s.Seed, s.Temperature, false, recordLogits: true);
            var endedOnBos = sample.Steps == sample.Tokens.Length + 1;
            var chosen = endedOnBos ? [.. sample.Tokens, config.Bos] : sample.Tokens.ToArray();
            var previous = 0L;
            foreach (var cycle in schedule.Predict(config, 0, chosen, false, 0, sample.HiddenNonzero).TokenCycles)
            {
                sum += cycle - previous;
                previous = cycle;
                count++;
            }
        }
        return (double)sum / count;
    }

    [Test]
    public void SimulatedCyclesEqualTheSchedulesPredictionAndARerunComesFromTheCache()
    {
        var first = Explorer("cache").Run(TestPaths.TalosModel, _plan, Settings(2, 1));

        Assert.That(first.Passed, Is.True, string.Join("; ", first.Points.Select(p => p.Failure)));
        Assert.That(first.Points.Select(p => p.Lanes), Is.EqualTo(new[] { 2, 1 }), "the order of --lanes");
        foreach (var p in first.Points)
        {
            var expected = ScheduleMean(p.Lanes);
            Assert.That(p.CyclesPerToken, Is.EqualTo(expected), $"lanes {p.Lanes}: simulated");
            Assert.That(p.PredictedCyclesPerToken, Is.EqualTo(expected), $"lanes {p.Lanes}: predicted");
            Assert.That(p.PredictionExact, Is.True, $"lanes {p.Lanes}: every token cycle");
            Assert.That((p.Verify!.Samples, p.Verify.Mismatches, p.ThroughputCheck!.Samples, p.ThroughputCheck.Mismatches), Is.EqualTo((12, 0L, Samples, 0L)));
            Assert.That(p.Resources, Is.Null);
            Assert.That(p.Pareto, Is.False, "no resource estimate, no front");
        }
        Assert.That(first.Points[0].CyclesPerToken, Is.LessThan(first.Points[1].CyclesPerToken!.Value), "two lanes are faster than one");
        Assert.That(first.FromCache, Is.Empty);

        var second = Explorer("cache").Run(TestPaths.TalosModel, _plan, Settings(2, 1));

        Assert.That(second.FromCache, Is.EqualTo(new[] { 2, 1 }));
        Assert.That(second.Points.Select(p => p with { FromCache = false }), Is.EqualTo(first.Points).Using<PointResult>(SameJson));
        var work = Path.Combine(_dir, "work-cache");
        Assert.That(Directory.Exists(work) ? Directory.GetDirectories(work) : [], Is.Empty,
            "work folders of passing runs are removed");
    }

    [Test]
    public void TheCompactCoreIsExploredAgainstItsOwnGoldenModel()
    {
        var report = Explorer("compact-cache").Run(TestPaths.TalosModel, _plan, Settings(8) with { Arch = CoreArch.Compact });

        Assert.That(report.Arch, Is.EqualTo("compact"));
        var p = report.Points.Single();
        Assert.That(p.Passed, Is.True, p.Failure);
        Assert.That((p.Verify!.Mismatches, p.ThroughputCheck!.Mismatches), Is.EqualTo((0L, 0L)));
        var expected = ScheduleMean(8, CoreArch.Compact);
        Assert.That(expected, Is.Not.EqualTo(ScheduleMean(8)), "the two cores' schedules differ");
        Assert.That((p.CyclesPerToken, p.PredictedCyclesPerToken, p.PredictionExact), Is.EqualTo(((double?)expected, expected, true)));
    }

    [Test]
    public void APointWhoseHardwareDiffersFromTheGoldenModelIsMarkedFailed()
    {
        // Flip a high bit of every ROM word the design reads: the first step already differs.
        var report = Explorer("tampered-cache", FlipRomWords).Run(TestPaths.TalosModel, _plan, Settings(1));

        Assert.That(report.Passed, Is.False);
        var p = report.Points.Single();
        Assert.That(p.Passed, Is.False);
        Assert.That(p.Failure, Does.StartWith("verify: "));
        Assert.That(p.Failure, Does.Contain("mismatch(es) in 12 samples; first divergence: sample 0, step 0, logits["));
        Assert.That(p.CyclesPerToken, Is.Null, "a failed point is not measured");
        Assert.That(report.KeptWork, Is.Not.Null.And.Matches<string>(Directory.Exists));
    }

    private static void FlipRomWords(string designDir)
    {
        foreach (var file in Directory.GetFiles(designDir, "*.mem"))
        {
            var lines = File.ReadAllLines(file).Select(line =>
                line.Length == 0 || line.StartsWith("//", StringComparison.Ordinal)
                    ? line
                    : (Convert.ToInt32(line, 16) ^ 0x4000).ToString("x" + line.Length, CultureInfo.InvariantCulture));
            File.WriteAllLines(file, lines);
        }
    }

    private static bool SameJson(PointResult a, PointResult b) => a.ToJsonForTest() == b.ToJsonForTest();
}
