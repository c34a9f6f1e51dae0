using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using HwGen.Golden;
using HwGen.Quantization;
using HwGen.Rendering;
using HwGen.Rtl;
using HwGen.Simulation;
using HwGen.Tools;
using HwGen.Verification;

namespace HwGen.Exploration;

/// <summary>
/// <c>hwgen explore</c>: evaluates one design per lanes value. Every point is generated and ranked
/// by the cycles per token its schedule predicts (<c>RtlSchedule.Predict</c> on the golden model's
/// tokens); then, best prediction first and up to <see cref="ExploreSettings.Jobs"/> at a time,
/// each point not in the cache is built with Verilator, verified on mixed samples (a mismatch fails
/// the point), simulated on the throughput samples (compared with the golden model too) and its
/// resources estimated with yosys. Finished points are cached by a key that covers the design's files.
/// </summary>
public sealed class DesignSpaceExplorer
{
    private readonly VerilatorDriver _verilator;
    private readonly SimulationRunner _runner;
    private readonly ResultCache _cache;
    private readonly ResourceEstimator? _estimator;

    /// <param name="verilator">The Verilator driver (its build cache is shared).</param>
    /// <param name="cache">Where evaluated points are kept.</param>
    /// <param name="estimator">Estimates resources; required when the settings name a target.</param>
    /// <param name="simTemplates">The renderer of the <c>sim/</c> harness; the shipped one when null.</param>
    public DesignSpaceExplorer(VerilatorDriver verilator, ResultCache cache, ResourceEstimator? estimator = null, TemplateRenderer? simTemplates = null)
    {
        _verilator = verilator;
        _runner = new SimulationRunner(verilator, simTemplates);
        _cache = cache;
        _estimator = estimator;
    }

    /// <summary>Writes progress lines ("lanes 4: verifying 20 samples", ...); nothing when null. Called from several threads.</summary>
    public Action<string>? Progress { get; init; }

    /// <summary>The folder under which each run makes its work folder; the system temporary folder when null.</summary>
    public string? WorkRoot { get; init; }

    /// <summary>Fault injection for tests: called with each point's design folder after it is written (the cache key stays the clean design's).</summary>
    internal Action<string>? AfterGenerate { get; init; }

    /// <summary>Explores <paramref name="plan"/> (quantized from <paramref name="modelFile"/>) over <paramref name="settings"/>.</summary>
    /// <exception cref="HwGenException">Bad settings. A point that fails does not throw: it is marked failed in the report.</exception>
    public ExplorationReport Run(string modelFile, NumericsPlan plan, ExploreSettings settings, CancellationToken cancellation = default)
    {
        settings = settings.Validated();
        if (settings.Target is not null && _estimator is null)
            throw new ArgumentException("a target needs a resource estimator", nameof(settings));
        var clock = Stopwatch.StartNew();
        plan = settings.Arch.PlanFor(plan); // the compact core's tables: its golden model is this plan's
        var config = plan.Config;
        var sha = QuantizedOutput.Sha256(modelFile);
        var origin = DesignUnderTest.Origin(modelFile, sha);
        var golden = new GoldenReference(new FixedGpt(plan));
        var verifyStimulus = StimulusSet.Mixed(settings.VerifySamples, settings.Seed, config);
        var throughputStimulus = StimulusSet.Uniform(settings.Samples, settings.Seed, settings.Temperature, greedy: false);
        var expectedVerify = verifyStimulus.Select(golden.Generate).ToArray();
        var expectedThroughput = throughputStimulus.Select(golden.Generate).ToArray();
        var tools = new List<string> { $"verilator {_verilator.Verilator.VersionText}" };
        if (settings.Target is not null)
            tools.AddRange(_estimator!.ToolVersions(settings.Target));

        var work = Path.Combine(WorkRoot ?? Path.Combine(Path.GetTempPath(), "hwgen"), $"explore-{Guid.NewGuid():N}");
        var results = Array.Empty<PointResult?>();
        try
        {
            var points = new List<Point>();
            foreach (var lanes in settings.Lanes)
            {
                cancellation.ThrowIfCancellationRequested();
                var dir = Path.Combine(work, $"lanes-{lanes}");
                var dut = DesignUnderTest.Generate(plan, lanes, origin, Path.Combine(dir, "design"), settings.Arch);
                AfterGenerate?.Invoke(dut.Design.Directory);
                var prediction = CyclePrediction.Of(dut.Rtl.Schedule, config, throughputStimulus, expectedThroughput);
                var key = ResultCache.Key(sha, lanes, settings, dut.Rtl.Files, tools);
                points.Add(new Point(points.Count, lanes, dut, prediction, key, dir));
                Progress?.Invoke(Inv($"lanes {lanes}: predicted {prediction.Mean:0.0} cycles per token"));
            }

            results = new PointResult?[points.Count];
            foreach (var p in points)
                results[p.Index] = _cache.TryLoad(p.Key);
            var pending = points.Where(p => results[p.Index] is null).OrderBy(p => p.Prediction.Mean).ThenBy(p => p.Lanes).ToList();
            if (pending.Count < points.Count)
                Progress?.Invoke($"from the cache: lanes {string.Join(", ", points.Where(p => results[p.Index] is not null).Select(p => p.Lanes))}");
            if (pending.Count > 0)
                Progress?.Invoke($"evaluating lanes {string.Join(", ", pending.Select(p => p.Lanes))} (best prediction first, {Math.Min(settings.Jobs, pending.Count)} at a time)");

            var context = new Context(settings, origin, verifyStimulus, expectedVerify, throughputStimulus, expectedThroughput);
            Parallel.ForEach(
                Partitioner.Create(pending, EnumerablePartitionerOptions.NoBuffering),
                new ParallelOptions { MaxDegreeOfParallelism = settings.Jobs, CancellationToken = cancellation },
                p =>
                {
                    var (result, keep) = Evaluate(p, context, cancellation);
                    if (keep)
                    {
                        try
                        {
                            _cache.Store(result);
                        }
                        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                        {
                            Progress?.Invoke($"lanes {p.Lanes}: not cached ({e.Message}); the next run evaluates it again");
                        }
                    }
                    results[p.Index] = result;
                    Progress?.Invoke(result.Passed
                        ? Inv($"lanes {p.Lanes}: {result.CyclesPerToken:0.0} cycles per token (predicted {p.Prediction.Mean:0.0}){(result.Resources is { } r ? $", {r.Logic.Used} {r.Logic.Name}" : "")} in {result.Seconds:0} s")
                        : $"lanes {p.Lanes}: FAILED: {result.Failure}");
                    if (result.ResourceFailure is not null)
                        Progress?.Invoke($"lanes {p.Lanes}: no resource estimate: {result.ResourceFailure}");
                });
        }
        catch
        {
            OutputFolder.DeleteQuietly(work); // cancelled, or a design could not be generated: nothing worth keeping
            throw;
        }

        var marked = ParetoFront.Mark(results.Select(r => r!).ToList());
        string? kept = null;
        if (marked.All(r => r.Passed && r.ResourceFailure is null))
            OutputFolder.DeleteQuietly(work);
        else
            kept = work;
        var target = settings.Target;
        return new ExplorationReport(
            Path.GetFileName(modelFile), sha, config.ToString(), settings.Arch.Name(), target?.Name, target?.Board, target?.Device, target?.Resources[0].Name,
            settings.Samples, settings.VerifySamples, settings.Seed, settings.Temperature, settings.Jobs, marked, PublishedReference.TalosV2,
            marked.Where(r => r.FromCache).Select(r => r.Lanes).ToList(), clock.Elapsed.TotalSeconds, kept);
    }

    /// <summary>Evaluates one point; <c>Keep</c> is false for a tool failure (worth retrying), true for a result of the design itself.</summary>
    private (PointResult Result, bool Keep) Evaluate(Point p, Context c, CancellationToken cancellation)
    {
        var watch = Stopwatch.StartNew();
        VerifySummary? verify = null;
        try
        {
            var design = p.Design.Design;
            Progress?.Invoke($"lanes {p.Lanes}: building with Verilator");
            var build = _runner.Build(design, Path.Combine(p.Directory, "sim"), cancellation: cancellation);

            Progress?.Invoke($"lanes {p.Lanes}: verifying {c.VerifyStimulus.Count} mixed samples");
            var verifyRun = _runner.Run(build, design, c.VerifyStimulus, SimulationOptions.Default, Path.Combine(p.Directory, "verify"), cancellation);
            verify = Summary(Verifier.Compare(c.VerifyStimulus, c.ExpectedVerify, verifyRun.Results.Samples));
            if (!verify.Passed)
                return (Failed(p, $"verify: {Mismatches(verify)}", verify, watch), true);

            Progress?.Invoke($"lanes {p.Lanes}: simulating {c.ThroughputStimulus.Count} samples");
            var run = _runner.Run(build, design, c.ThroughputStimulus, SimulationOptions.Default, Path.Combine(p.Directory, "throughput"), cancellation);
            var check = Summary(Verifier.Compare(c.ThroughputStimulus, c.ExpectedThroughput, run.Results.Samples));
            if (!check.Passed)
                return (Failed(p, $"throughput samples differ from the golden model: {Mismatches(check)}", verify, watch) with { ThroughputCheck = check }, true);
            var cycles = run.Results.CyclesPerToken;
            var exact = p.Prediction.Matches(run.Results.Samples);

            PointResources? resources = null;
            string? resourceFailure = null;
            if (c.Settings.Target is { } target)
            {
                Progress?.Invoke($"lanes {p.Lanes}: estimating resources with yosys for {target.Name}");
                try
                {
                    resources = _estimator!.Estimate(p.Design.Rtl, p.Design.Plan.Config, c.Origin, target, Path.Combine(p.Directory, "synth"), cancellation);
                }
                catch (HwGenException e)
                {
                    // The hardware is verified and measured; only the estimate is missing, and the point is not cached.
                    resourceFailure = e.Message;
                }
            }
            double? perSecond = resources?.FmaxMhz is { } fmax && cycles.Mean > 0 ? fmax * 1e6 / cycles.Mean : null;
            double? perLogic = perSecond is { } t && resources!.Logic.Used > 0 ? t / resources.Logic.Used : null;
            return (new PointResult(p.Lanes, true, null, p.Prediction.Mean, cycles.Mean, cycles.Min, cycles.Max, cycles.Count, exact,
                verify, check, resources, perSecond, perLogic, false, false, watch.Elapsed.TotalSeconds, p.Key) { ResourceFailure = resourceFailure },
                resourceFailure is null);
        }
        catch (HwGenException e)
        {
            return (Failed(p, e.Message, verify, watch), false);
        }
    }

    private static PointResult Failed(Point p, string failure, VerifySummary? verify, Stopwatch watch) =>
        PointResult.Failed(p.Lanes, p.Prediction.Mean, failure, p.Key, verify) with { Seconds = watch.Elapsed.TotalSeconds };

    private static VerifySummary Summary(VerificationReport r) =>
        new(r.Samples, r.Tokens, r.LogitsCompared, r.Mismatches, r.FirstDivergence?.ToString());

    private static string Mismatches(VerifySummary v) =>
        $"{v.Mismatches} mismatch(es) in {v.Samples} samples; first divergence: {v.FirstDivergence}";

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private sealed record Point(int Index, int Lanes, DesignUnderTest Design, CyclePrediction Prediction, string Key, string Directory);

    private sealed record Context(
        ExploreSettings Settings, string Origin,
        IReadOnlyList<SampleStimulus> VerifyStimulus, IReadOnlyList<ExpectedSample> ExpectedVerify,
        IReadOnlyList<SampleStimulus> ThroughputStimulus, IReadOnlyList<ExpectedSample> ExpectedThroughput);
}
