using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using HwGen.Golden;

namespace HwGen.Cli.Commands;

/// <summary>
/// <c>hwgen bench</c>: the golden model's decode speed. Generates samples (decode step plus the
/// integer sampler) on one thread: warm-up runs, then timed runs; reports the median tokens/s.
/// </summary>
internal static class BenchCommand
{
    /// <summary>The JSON result of <c>hwgen bench --json</c>.</summary>
    public sealed record Result(string Model, string FormatRule, long TokensPerRun, int Runs, double MedianTokensPerSecond,
        double MinTokensPerSecond, double MaxTokensPerSecond, IReadOnlyList<double> TokensPerSecond);

    public static Command Create()
    {
        var model = CommonOptions.Model();
        var json = CommonOptions.Json();
        var seed = CommonOptions.Seed();
        var format = FixedPointOptions.Format();
        var calibration = FixedPointOptions.Calibration();
        var tokens = new Option<long>("--tokens") { Description = "Decode steps per timed run.", DefaultValueFactory = _ => 1_000_000 };
        var runs = new Option<int>("--runs") { Description = "Timed runs; the median is reported.", DefaultValueFactory = _ => 5 };
        var warmup = new Option<int>("--warmup") { Description = "Untimed warm-up runs first.", DefaultValueFactory = _ => 1 };
        var command = new Command("bench", "Measure the golden (fixed-point) model's decode speed in tokens per second on one core.")
        {
            model, format, calibration, tokens, runs, warmup, seed, json,
        };
        command.SetAction(parseResult =>
        {
            var perRun = parseResult.GetValue(tokens);
            var timed = parseResult.GetValue(runs);
            var warm = parseResult.GetValue(warmup);
            if (perRun < 1 || timed < 1 || warm < 0)
                throw new HwGenException($"bench needs --tokens >= 1 and --runs >= 1 and --warmup >= 0 (got {perRun}, {timed}, {warm}).");
            var modelFile = CommonOptions.ModelFile(parseResult, model);
            var weights = ModelFiles.Load(modelFile);
            var plan = FixedPointOptions.Plan(weights, parseResult.GetValue(format)!, parseResult.GetValue(calibration));
            var sampler = new FixedSampler(new FixedGpt(plan));
            var s = (uint)parseResult.GetValue(seed);
            for (var i = 0; i < warm; i++)
                Run(sampler, perRun, ref s);
            var rates = new List<double>();
            for (var i = 0; i < timed; i++)
            {
                var watch = Stopwatch.StartNew();
                var steps = Run(sampler, perRun, ref s);
                rates.Add(steps / watch.Elapsed.TotalSeconds);
            }
            var sorted = rates.Order().ToArray();
            var median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
            var stdout = parseResult.InvocationConfiguration.Output;
            if (parseResult.GetValue(json))
            {
                CliOutput.WriteJson(stdout, new Result(modelFile.Name, plan.FormatRule, perRun, timed, median, sorted[0], sorted[^1], rates));
                return 0;
            }
            stdout.WriteLine(Inv($"model:   {modelFile.Name} ({plan.Config}), formats {plan.FormatRule}"));
            stdout.WriteLine(Inv($"work:    {warm} warm-up + {timed} timed runs of {perRun} decode steps (sampling at T 1, one thread)"));
            stdout.WriteLine(Inv($"speed:   median {median:F0} tokens/s (min {sorted[0]:F0}, max {sorted[^1]:F0})"));
            return 0;
        });
        return command;
    }

    /// <summary>Generates samples until at least <paramref name="steps"/> decode steps ran; returns the steps run.</summary>
    private static long Run(FixedSampler sampler, long steps, ref uint seed)
    {
        long done = 0;
        while (done < steps)
        {
            done += sampler.Generate(seed, 256, false).Steps;
            seed++;
        }
        return done;
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
