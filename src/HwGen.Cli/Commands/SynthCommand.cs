using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using HwGen.Flow;
using HwGen.Fpga;
using HwGen.Model;
using HwGen.Rtl;
using HwGen.Simulation;
using Spectre.Console;

namespace HwGen.Cli.Commands;

/// <summary>
/// <c>hwgen synth</c>: generates the core of a model with a board wrapper and builds it for a
/// board: an iCE40 bitstream (yosys, nextpnr-ice40, icepack), or a Vivado or Quartus project with
/// a yosys resource estimate; prints the report (resources, weights, Fmax, cycles per token, tokens/s).
/// </summary>
internal static class SynthCommand
{
    /// <summary>Lanes of a compact core unless --lanes says otherwise: the iCE40 UP5K's 8 DSPs.</summary>
    public const int CompactLanes = 8;

    public static Command Create()
    {
        var model = CommonOptions.Model();
        var json = CommonOptions.Json();
        var seed = CommonOptions.Seed();
        var target = new Option<string>("--target")
        {
            Description = $"The board: {string.Join(", ", FpgaTargets.All.Select(t => $"{t.Name} ({t.Board})"))}.",
            DefaultValueFactory = _ => FpgaTargets.Ice40Up5k.Name,
        };
        var lanes = HardwareSetup.Lanes();
        var arch = HardwareSetup.Arch(forBoards: true);
        var freq = new Option<double?>("--freq")
        {
            Description = "Core clock in MHz (iCE40: the fastest of the 12 MHz oscillator and the PLL settings at or below it; vendor boards: only their board clock). Default: the clock the board names for the core's architecture (ice40-up5k: 30 MHz for the compact core), else the board clock.",
        };
        var seeds = new Option<int>("--pnr-seeds")
        {
            Description = $"iCE40: place and route with nextpnr seeds 1 to N, as many at a time as there are processors, and keep the highest Fmax (1 to {SynthFlow.MaxPlacerSeeds}; 1: one placement with nextpnr's default seed).",
            DefaultValueFactory = _ => 1,
        };
        var baud = new Option<int>("--baud")
        {
            Description = "UART baud rate of the board's name printer.",
            DefaultValueFactory = _ => UartSettings.DefaultBaud,
        };
        var output = new Option<DirectoryInfo?>("--out", "-o")
        {
            Description = "Output folder (replaced as a whole when the build succeeds). Default: build/TARGET.",
        };
        var temperature = SampleCommand.Temperature();
        var greedy = new Option<bool>("--greedy") { Description = "The board generates greedily (argmax) instead of sampling." };
        var samples = new Option<int>("--cycle-samples")
        {
            Description = "Samples simulated with Verilator to measure cycles per token; 0 skips the simulation (no tokens/s).",
            DefaultValueFactory = _ => 20,
        };
        var format = FixedPointOptions.Format();
        var calibration = FixedPointOptions.Calibration();
        var command = new Command("synth", "Build the generated hardware for an FPGA board: an iCE40 bitstream, or a Vivado/Quartus project; report resources, Fmax, cycles per token and tokens/s.")
        {
            model, target, arch, lanes, freq, seeds, baud, output, seed, temperature, greedy, samples, format, calibration, json,
        };
        command.SetAction(parseResult =>
        {
            var board = FpgaTargets.Find(parseResult.GetValue(target)!);
            var modelFile = CommonOptions.ModelFile(parseResult, model);
            var weights = ModelFiles.Load(modelFile);
            var coreArch = HardwareSetup.ArchOf(parseResult, arch, board.Name);
            var options = new RtlOptions(HardwareSetup.LanesOf(parseResult, lanes, coreArch, 1, CompactLanes), "", coreArch).Validated();
            var cycleSamples = parseResult.GetValue(samples);
            if (cycleSamples < 0)
                throw new HwGenException($"--cycle-samples {cycleSamples}: give 0 (no simulation) or more.");
            var loop = SampleLoop.For(parseResult.GetValue(seed), parseResult.GetValue(temperature), parseResult.GetValue(greedy));
            var outDir = parseResult.GetValue(output)?.FullName ?? Path.GetFullPath(Path.Combine("build", board.Name));

            var core = HardwareSetup.Status("quantizing and generating the core", () =>
            {
                var plan = coreArch.PlanFor(FixedPointOptions.Plan(weights, parseResult.GetValue(format)!, parseResult.GetValue(calibration)));
                var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(modelFile.FullName)))[..16];
                var origin = $"{modelFile.Name} (sha256 {hash}), formats {plan.FormatRule}";
                return CoreDesign.FromRtl(RtlGenerator.Generate(plan, options with { ModelHash = origin }), plan.Config, origin);
            });
            var request = new SynthRequest(core, board, parseResult.GetValue(freq), parseResult.GetValue(baud), loop, outDir, parseResult.GetValue(seeds));
            var flow = new SynthFlow { Progress = line => CliOutput.Progress.WriteLine($"hwgen synth: {line}") };
            var report = flow.Run(request, cycleSamples == 0 ? null : dir => MeasureCycles(core, dir, loop, cycleSamples));

            var stdout = CliOutput.Out(parseResult);
            if (parseResult.GetValue(json))
                CliOutput.WriteJson(stdout, report);
            else
                Print(stdout, report);
            foreach (var note in report.Notes)
                parseResult.InvocationConfiguration.Error.WriteLine($"hwgen synth: {note}");
            return report.Timing is { Met: false } ? 2 : 0;
        });
        return command;
    }

    /// <summary><c>hwgen run --target</c>: continue the main job to the board build.</summary>
    public static Option<string?> RunTarget()
    {
        var option = new Option<string?>("--target")
        {
            Description = $"Continue to an FPGA build after verifying: {string.Join(", ", FpgaTargets.All.Select(t => t.Name))} (output in build/TARGET, as hwgen synth).",
        };
        option.AcceptOnlyFromAmong([.. FpgaTargets.All.Select(t => t.Name)]);
        return option;
    }

    /// <summary>
    /// What <c>run --target</c> and <c>report --target</c> do after verify: build the verified design
    /// for the board into build/TARGET, reusing the cycles per token just simulated; prints the synth
    /// report on <paramref name="output"/>.
    /// </summary>
    internal static SynthReport BuildVerified(HardwareRun run, string target, TextWriter output, string command)
    {
        var board = FpgaTargets.Find(target);
        var dut = run.Design;
        var core = CoreDesign.FromRtl(dut.Rtl, dut.Plan.Config, dut.Design.Origin);
        var c = run.Simulation.CyclesPerToken;
        var cycles = new CycleReport(run.Stimulus.Count, c.Count, c.Mean, c.Min, c.Max);
        var loop = SampleLoop.For(run.Request.Seed, run.Request.Temperature, false);
        var request = new SynthRequest(core, board, null, UartSettings.DefaultBaud, loop, Path.GetFullPath(Path.Combine("build", board.Name)));
        var flow = new SynthFlow { Progress = line => CliOutput.Progress.WriteLine($"hwgen {command}: {line}") };
        var report = flow.Run(request, _ => cycles);
        Print(output, report);
        foreach (var note in report.Notes)
            output.WriteLine(note);
        return report;
    }

    /// <summary>Simulates <paramref name="samples"/> samples of the core (its files in <paramref name="designDir"/>) as the board's loop runs them.</summary>
    public static CycleReport MeasureCycles(CoreDesign core, string designDir, SampleLoop loop, int samples)
    {
        var work = Path.Combine(Path.GetTempPath(), "hwgen", $"synth-cycles-{Guid.NewGuid():N}");
        try
        {
            var design = new DesignSources(designDir, core.Sources, CoreDesign.TopModule, core.Config, core.Origin);
            var stimulus = Enumerable.Range(0, samples)
                .Select(i => new SampleStimulus(i, loop.SeedOf(i), (ushort)loop.TemperatureCode, loop.Greedy, 0, []))
                .ToArray();
            var run = HardwareSetup.Runner().Simulate(design, stimulus, SimulationOptions.Default, work);
            var c = run.Results.CyclesPerToken;
            return new CycleReport(samples, c.Count, c.Mean, c.Min, c.Max);
        }
        finally
        {
            if (Directory.Exists(work))
                Directory.Delete(work, recursive: true);
        }
    }

    private static void Print(TextWriter stdout, SynthReport r)
    {
        var inv = CultureInfo.InvariantCulture;
        stdout.WriteLine($"{r.Board} ({r.Device}), target {r.Target}: {r.Model}, {r.Arch} core, {r.Lanes} lane(s)");
        stdout.WriteLine(string.Create(inv, $"clock: {r.Clock.ClockMhz:0.###} MHz (requested {r.Clock.RequestedMhz:0.###} MHz{(r.Clock.Pll is null ? ", no PLL" : ", PLL " + r.Clock.Pll)}); UART {r.Uart}"));
        stdout.WriteLine(r.Estimate ? "resources (yosys estimate):" : "resources:");
        foreach (var u in r.Resources)
            stdout.WriteLine(string.Create(inv, $"  {u.Name,-6} {u.Used,7} / {u.Available,-7} {u.Percent,5:0.0}%  ({u.Source})"));
        var w = r.Weights;
        stdout.WriteLine(string.Create(inv, $"weights: {w.Placement} ({w.WeightBits} bits; {w.BlockRams} block RAM(s), {w.Spram} SPRAM, {w.LutRomMemories} LUT ROM memories)"));
        if (r.Timing is { } t)
        {
            stdout.WriteLine(string.Create(inv, $"Fmax: {t.FmaxMhz:0.00} MHz ({(t.Met ? "meets" : "MISSES")} {t.TargetMhz:0.###} MHz)"));
            if (t.CriticalPath is { } p)
                stdout.WriteLine(string.Create(inv, $"critical path: {p.From} -> {p.To}, {p.Cells} cells, {p.LogicNs:0.0} ns logic + {p.RoutingNs:0.0} ns routing"));
        }
        if (r.CyclesPerToken is { } c)
            stdout.WriteLine(string.Create(inv, $"cycles per token: mean {c.Mean:0.0}, min {c.Min}, max {c.Max} ({c.Tokens} tokens in {c.Samples} simulated samples)"));
        if (r.TokensPerSecond is { } tps)
            stdout.WriteLine(string.Create(inv, $"tokens/s: {tps:0} at Fmax"));
        if (r.TokensPerSecondAtClock is { } clk)
            stdout.WriteLine(string.Create(inv, $"tokens/s at the {r.Clock.ClockMhz:0.###} MHz clock: {clk:0}")
                + (r.Timing is null ? ", if timing closes (no timing analysis ran here)" : ""));
        stdout.WriteLine($"written to {r.Out}: {string.Join(", ", r.Files)}");
    }
}
