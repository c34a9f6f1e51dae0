using System.CommandLine;
using System.Globalization;
using HwGen.Flow;
using HwGen.Fpga;
using HwGen.Quantization;
using HwGen.Reference;
using HwGen.Rendering;
using HwGen.Reporting;

namespace HwGen.Cli.Commands;

/// <summary>
/// <c>hwgen report</c>: runs the main job on a model (as <c>hwgen run</c>), optionally builds it for a
/// board (--target) or reads a synth report (--synth), and writes one self-contained page
/// (report.html) and its data (report.json) into --out. Exit code 0 when the hardware verified, 1 when not
/// (the report is written either way).
/// </summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var model = CommonOptions.Model();
        var json = CommonOptions.Json();
        var seed = CommonOptions.Seed();
        var lanes = HardwareSetup.Lanes(RunCommand.DefaultLanes);
        var arch = HardwareSetup.Arch(forBoards: true);
        var samples = HardwareSetup.Samples(RunCommand.SampleCount);
        var work = HardwareSetup.Work();
        var target = SynthCommand.RunTarget();
        var output = new Option<DirectoryInfo>("--out", "-o")
        {
            Description = $"Folder for {RunReport.HtmlFile} and {RunReport.JsonFile} (created when missing; other files in it are left alone).",
            Required = true,
        };
        var synth = new Option<string?>("--synth")
        {
            Description = $"A hwgen synth output folder or its {SynthReport.FileName}: adds its resources, Fmax and tokens/s to the report.",
        };
        var golden = new Option<FileInfo?>("--golden")
        {
            Description = "Golden float logits (JSON) for the quantization error. Default: the float model on the sequences the hardware generated.",
        };
        var command = new Command("report", "Run the flow on a model and write a one-page HTML report (model, numerics, verification, cycles per stage, throughput, resources) and its JSON.")
        {
            model, output, lanes, arch, target, synth, samples, seed, golden, work, json,
        };
        command.SetAction(parseResult =>
        {
            var modelFile = CommonOptions.ModelFile(parseResult, model);
            var outDir = OutputFolder.CheckReplaceable(parseResult.GetValue(output)!.FullName);
            var board = parseResult.GetValue(target);
            var synthPath = parseResult.GetValue(synth);
            // Every input is checked before the flow starts.
            ModelFiles.RequireExists(modelFile);
            if (board is not null && synthPath is not null)
                throw new HwGenException("report takes --target (build for a board now) or --synth (an existing synth report), not both.");
            var synthReport = synthPath is null ? null : SynthReportFile.Load(synthPath);
            if (synthReport is not null)
                RunReportBuilder.CheckSynth(synthReport, parseResult.GetValue(lanes), QuantizedOutput.Sha256(modelFile.FullName), modelFile.Name, $"--synth {synthPath}");
            var goldenFile = parseResult.GetValue(golden) is { } g
                ? (File.Exists(g.FullName) ? GoldenFile.Load(g.FullName) : throw new HwGenException($"{g.FullName}: golden file not found; check the --golden path."))
                : null;
            goldenFile?.CheckMatches(ModelFiles.Load(modelFile).Config, modelFile.FullName);
            var runner = HardwareSetup.Runner();

            var dir = HardwareSetup.WorkDirectory(parseResult.GetValue(work), out var temporary);
            var progress = parseResult.InvocationConfiguration.Error;
            var total = HardwareFlow.StageNames.Count + (board is null ? 1 : 2);
            var flow = new HardwareFlow(runner) { StageStarted = (i, name) => progress.WriteLine($"hwgen report: stage {i + 1}/{total}: {name}") };
            var coreArch = HardwareSetup.ArchOf(parseResult, arch, board);
            var run = flow.Run(new HardwareRunRequest(modelFile.FullName, HardwareSetup.LanesOf(parseResult, lanes, coreArch, RunCommand.DefaultLanes, SynthCommand.CompactLanes),
                parseResult.GetValue(seed), parseResult.GetValue(samples), RunCommand.SampleTemperature, dir, Arch: coreArch));
            var stdout = CliOutput.Out(parseResult);
            var asJson = parseResult.GetValue(json);
            var text = asJson ? TextWriter.Null : stdout;
            RunCommand.Print(text, run);
            HwGenException? boardError = null;
            if (board is not null && run.Passed)
            {
                progress.WriteLine($"hwgen report: stage {total - 1}/{total}: {RunCommand.BoardStage}");
                (synthReport, boardError) = BuildForBoard(run, board, text, "report");
            }
            progress.WriteLine($"hwgen report: stage {total}/{total}: write the report");
            var report = boardError is null
                ? RunReportBuilder.Build(run, goldenFile, synthReport, synthPath is null ? null : $"--synth {synthPath}")
                : RunReportBuilder.BoardFailed(run, FpgaTargets.Find(board!), boardError, goldenFile);
            var page = ReportFiles.Write(outDir, report);
            if (asJson)
            {
                CliOutput.WriteJson(stdout, report);
            }
            else
            {
                if (report.QuantError is { } q)
                    stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"quantization: max |logit error| {q.MaxAbsLogitError:0.0000}, top-1 agreement {q.Top1Agreeing}/{q.Positions} ({q.Basis})"));
                stdout.WriteLine($"report: {page} (and {RunReport.JsonFile} beside it)");
            }
            if (boardError is not null)
                throw boardError; // the one-line error, after the report that shows it
            if (!run.Passed)
                return VerifyCommand.Mismatch;
            HardwareSetup.Finish(dir, temporary);
            return 0;
        });
        return command;
    }

    /// <summary>Builds the verified design for <paramref name="board"/>; a failed build (a design that does not fit) is returned, not thrown, so that the report can show it.</summary>
    internal static (SynthReport? Report, HwGenException? Error) BuildForBoard(HwGen.Flow.HardwareRun run, string board, TextWriter output, string command)
    {
        try
        {
            return (SynthCommand.BuildVerified(run, board, output, command), null);
        }
        catch (HwGenException e)
        {
            return (null, e);
        }
    }
}
