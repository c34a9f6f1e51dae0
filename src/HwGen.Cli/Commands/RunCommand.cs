using System.CommandLine;
using System.Globalization;
using HwGen.Flow;
using HwGen.Fpga;
using HwGen.Rendering;
using HwGen.Reporting;

namespace HwGen.Cli.Commands;

/// <summary>
/// <c>hwgen run</c>: the whole flow on one model (<see cref="HardwareFlow"/>): load the model,
/// quantize it (auto formats), generate the RTL, build it with Verilator, simulate
/// <see cref="SampleCount"/> samples at temperature <see cref="SampleTemperature"/>, and verify
/// them against the golden model. Prints the names the hardware generated, its cycles per token
/// and the verdict; exit code 0 only when the hardware equals the golden model. With --target it
/// continues to the board build (build/TARGET) and writes the report page beside it, in build/TARGET-report
/// (also when the board build fails, e.g. a design that does not fit; the page says why).
/// </summary>
internal static class RunCommand
{
    public const int SampleCount = 20;
    public const double SampleTemperature = 0.5;
    public const int DefaultLanes = 4;

    /// <summary>The name of the last stage, after the flow's, when --target is given.</summary>
    public const string BoardStage = "build for the board";

    /// <summary>Where <c>run --target T</c> writes the report: build/T-report, beside the board build in build/T.</summary>
    public static string ReportDirectory(string target) => Path.GetFullPath(Path.Combine("build", $"{target}-report"));

    public static Command Create()
    {
        var model = CommonOptions.Model();
        var seed = CommonOptions.Seed();
        var lanes = HardwareSetup.Lanes(DefaultLanes);
        var arch = HardwareSetup.Arch(forBoards: true);
        var work = HardwareSetup.Work();
        var target = SynthCommand.RunTarget();
        var command = new Command("run", $"Run the whole flow on a model: quantize, generate the RTL, build it with Verilator, simulate {SampleCount} names at temperature {SampleTemperature} and verify them bit for bit against the golden model; with --target, build for the board and write the report page.")
        {
            model, seed, lanes, arch, work, target,
        };
        command.SetAction(parseResult =>
        {
            var modelFile = CommonOptions.ModelFile(parseResult, model);
            ModelFiles.RequireExists(modelFile); // fail before any stage starts
            var runner = HardwareSetup.Runner(); // so does a missing Verilator
            var board = parseResult.GetValue(target);
            if (board is not null)
                OutputFolder.CheckReplaceable(ReportDirectory(board)); // the report goes there at the end
            var dir = HardwareSetup.WorkDirectory(parseResult.GetValue(work), out var temporary);
            var output = CliOutput.Out(parseResult);
            var progress = parseResult.InvocationConfiguration.Error;
            var total = HardwareFlow.StageNames.Count + (board is null ? 0 : 1);
            var flow = new HardwareFlow(runner) { StageStarted = (i, name) => progress.WriteLine($"hwgen run: stage {i + 1}/{total}: {name}") };
            var coreArch = HardwareSetup.ArchOf(parseResult, arch, board);
            var coreLanes = HardwareSetup.LanesOf(parseResult, lanes, coreArch, DefaultLanes, SynthCommand.CompactLanes);
            var run = flow.Run(new HardwareRunRequest(modelFile.FullName, coreLanes, parseResult.GetValue(seed), SampleCount, SampleTemperature, dir, Arch: coreArch));
            Print(output, run);
            if (!run.Passed)
            {
                if (board is not null)
                    output.WriteLine($"not building for {board}: the hardware does not equal the golden model");
                output.WriteLine($"files kept in {dir}");
                return VerifyCommand.Mismatch;
            }
            if (board is not null)
            {
                progress.WriteLine($"hwgen run: stage {total}/{total}: {BoardStage}");
                var (synth, error) = ReportCommand.BuildForBoard(run, board, output, "run");
                var report = error is null ? RunReportBuilder.Build(run, synth: synth) : RunReportBuilder.BoardFailed(run, FpgaTargets.Find(board), error);
                var page = ReportFiles.Write(ReportDirectory(board), report);
                output.WriteLine($"report: {page} (and {RunReport.JsonFile} beside it)");
                if (error is not null)
                    throw error; // the one-line error, after the report that shows it
            }
            HardwareSetup.Finish(dir, temporary);
            return 0;
        });
        return command;
    }

    /// <summary>The names the hardware generated, its cycles per token and the verdict.</summary>
    internal static void Print(TextWriter output, HardwareRun run)
    {
        foreach (var name in run.Names)
            output.WriteLine(name);
        var cycles = run.Simulation.CyclesPerToken;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cycles per token: mean {cycles.Mean:F1}, min {cycles.Min}, max {cycles.Max} ({cycles.Count} tokens, {run.Request.Lanes} lane(s))"));
        foreach (var line in VerifyCommand.Describe(run.Verification, run.CycleModel))
            output.WriteLine(line);
    }
}
