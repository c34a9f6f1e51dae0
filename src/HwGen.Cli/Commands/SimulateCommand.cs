using System.CommandLine;
using System.Globalization;
using HwGen.Model;
using HwGen.Rtl;
using HwGen.Simulation;

namespace HwGen.Cli.Commands;

/// <summary>
/// <c>hwgen simulate</c>: generates the design of a model, builds it with Verilator and runs N
/// samples on the simulated hardware; prints the names it generated and the cycles per token.
/// </summary>
internal static class SimulateCommand
{
    /// <summary>Cycles per emitted token, over all samples.</summary>
    public sealed record CycleFigures(int Tokens, double Mean, long Min, long Max);

    /// <summary>The JSON result of <c>hwgen simulate --json</c>.</summary>
    public sealed record Result(
        string Model, int Lanes, int Samples, int Seed, double Temperature, bool Greedy, IReadOnlyList<string> Names,
        CycleFigures CyclesPerToken, long TotalCycles, bool BuildCached, double BuildSeconds, double SimulationSeconds, double TokensPerSecond,
        IReadOnlyList<StageFigure> Stages);

    public static Command Create()
    {
        var model = CommonOptions.Model();
        var json = CommonOptions.Json();
        var seed = CommonOptions.Seed();
        var samples = HardwareSetup.Samples(20);
        var lanes = HardwareSetup.Lanes();
        var arch = HardwareSetup.Arch();
        var temperature = SampleCommand.Temperature();
        var greedy = new Option<bool>("--greedy") { Description = "Take the most likely token (lowest index on ties) instead of drawing." };
        var prompt = new Option<string?>("--prompt") { Description = "Text every sample starts with (fed to the core as prompt tokens)." };
        var trace = new Option<FileInfo?>("--trace") { Description = "Write an FST waveform of the whole run to this file (builds a tracing harness; slower)." };
        var maxCycles = HardwareSetup.MaxCycles();
        var work = HardwareSetup.Work();
        var format = FixedPointOptions.Format();
        var calibration = FixedPointOptions.Calibration();
        var command = new Command("simulate", "Generate the hardware, simulate it with Verilator and print the names it generates and its cycles per token (sample k is seeded with seed + k, as sample --fixed).")
        {
            model, samples, lanes, arch, seed, temperature, greedy, prompt, trace, maxCycles, work, format, calibration, json,
        };
        command.SetAction(parseResult =>
        {
            var modelFile = CommonOptions.ModelFile(parseResult, model);
            var weights = ModelFiles.Load(modelFile);
            var promptTokens = parseResult.GetValue(prompt) is { Length: > 0 } text
                ? new Vocabulary(weights.Config).Encode(text, "--prompt")
                : [];
            var stimulus = StimulusSet.Uniform(parseResult.GetValue(samples), parseResult.GetValue(seed),
                parseResult.GetValue(temperature), parseResult.GetValue(greedy), promptTokens);
            var options = SimulationOptions.Default with
            {
                MaxCyclesPerSample = parseResult.GetValue(maxCycles),
                TraceFile = parseResult.GetValue(trace)?.FullName,
            };
            var runner = HardwareSetup.Runner(); // finds Verilator before any work
            var dir = HardwareSetup.WorkDirectory(parseResult.GetValue(work), out var temporary);
            var dut = HardwareSetup.Status("quantizing and generating the design",
                () => HardwareSetup.Prepare(modelFile, weights, parseResult.GetValue(format)!, parseResult.GetValue(calibration), parseResult.GetValue(lanes), dir, HardwareSetup.ArchOf(parseResult, arch)));
            var build = HardwareSetup.Status("building the simulation with Verilator (cached after the first build)",
                () => runner.Build(dut.Design, dir, options.TraceFile is not null));
            var run = HardwareSetup.Status($"simulating {stimulus.Count} samples",
                () => runner.Run(build, dut.Design, stimulus, options, dir));
            HardwareSetup.Finish(dir, temporary);

            var names = run.Results.Names(dut.Plan.Config, stimulus);
            var cycles = run.Results.CyclesPerToken;
            var stageNames = dut.Rtl.Schedule.Stages.Select(s => s.Name).ToArray();
            var stages = StageBreakdown.Of(run.Results, code => CoreStage.Name(code, stageNames));
            var result = new Result(modelFile.Name, dut.Rtl.Lanes, stimulus.Count, parseResult.GetValue(seed), parseResult.GetValue(temperature),
                parseResult.GetValue(greedy), names, new CycleFigures(cycles.Count, cycles.Mean, cycles.Min, cycles.Max), run.Results.TotalCycles,
                build.CacheHit, build.Duration.TotalSeconds, run.RunTime.TotalSeconds, run.TokensPerSecond, stages);
            var stdout = CliOutput.Out(parseResult);
            if (parseResult.GetValue(json))
            {
                CliOutput.WriteJson(stdout, result);
                return 0;
            }
            foreach (var name in names)
                stdout.WriteLine(name);
            stdout.WriteLine(Inv($"cycles per token: mean {cycles.Mean:F1}, min {cycles.Min}, max {cycles.Max} ({cycles.Count} tokens, {result.Lanes} lane(s))"));
            stdout.WriteLine(Inv($"simulated {run.Results.TotalCycles} cycles in {run.RunTime.TotalSeconds:F2} s ({run.TokensPerSecond:F0} tokens/s); Verilator build {(build.CacheHit ? "cached" : $"{build.Duration.TotalSeconds:F1} s")}"));
            foreach (var line in StageTable(stages, run.Results.TokenCount))
                stdout.WriteLine(line);
            if (options.TraceFile is not null)
                stdout.WriteLine($"trace: {options.TraceFile}");
            return 0;
        });
        return command;
    }

    /// <summary>
    /// The stage table: cycles per emitted token and per step, and the share of all cycles, for
    /// every stage the core showed (start transfer to done pulse of every sample), then the total.
    /// </summary>
    public static IEnumerable<string> StageTable(IReadOnlyList<StageFigure> stages, int tokens)
    {
        var width = Math.Max(5, stages.Count == 0 ? 0 : stages.Max(s => s.Stage.Length));
        yield return Inv($"cycles by stage, start to done of every sample ({tokens} tokens):");
        yield return Inv($"  {"stage".PadRight(width)} {"per token",10} {"per step",9} {"share",6}");
        foreach (var s in stages)
            yield return Inv($"  {s.Stage.PadRight(width)} {s.PerToken,10:F1} {s.PerStep,9:F1} {s.Share * 100,5:F1}%");
        yield return Inv($"  {"total".PadRight(width)} {stages.Sum(s => s.PerToken),10:F1} {stages.Sum(s => s.PerStep),9:F1} {100.0,5:F1}%");
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
