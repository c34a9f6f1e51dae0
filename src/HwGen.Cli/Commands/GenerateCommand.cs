using System.CommandLine;
using System.Globalization;
using HwGen.Quantization;
using HwGen.Rtl;
using HwGen.Verification;

namespace HwGen.Cli.Commands;

/// <summary>
/// <c>hwgen generate</c>: renders the SystemVerilog core (docs/hardware.md), its ROM images and
/// source manifest into a folder, atomically.
/// </summary>
internal static class GenerateCommand
{
    /// <summary>The JSON result of <c>hwgen generate --json</c>.</summary>
    public sealed record Result(string Model, string Out, int Lanes, string FormatRule, string Top, IReadOnlyList<string> Sources, int Files, int StepCyclesAtPos0);

    public static Command Create()
    {
        var model = CommonOptions.Model();
        var json = CommonOptions.Json();
        var format = FixedPointOptions.Format();
        var calibration = FixedPointOptions.Calibration();
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "Output folder for the design (replaced as a whole).", Required = true };
        var lanes = new Option<int>("--lanes", "-l")
        {
            Description = "Parallel MAC lanes of the matrix-vector engine (1 or more; above n_embd a multiple of it: row groups of n_embd columns).",
            DefaultValueFactory = _ => 1,
        };
        var arch = HardwareSetup.Arch();
        var command = new Command("generate", "Generate the SystemVerilog core: modules, weight and table ROM images, sources.f.")
        {
            model, output, lanes, arch, format, calibration, json,
        };
        command.SetAction(parseResult =>
        {
            var options = new RtlOptions(parseResult.GetValue(lanes), "", HardwareSetup.ArchOf(parseResult, arch)).Validated();
            var modelFile = CommonOptions.ModelFile(parseResult, model);
            var weights = ModelFiles.Load(modelFile);
            var plan = options.Arch.PlanFor(FixedPointOptions.Plan(weights, parseResult.GetValue(format)!, parseResult.GetValue(calibration)));
            var hash = QuantizedOutput.Sha256(modelFile.FullName);
            var design = RtlGenerator.Generate(plan, options with { ModelHash = DesignUnderTest.Origin(modelFile.FullName, hash) });
            var outDir = parseResult.GetValue(output)!;
            design.Files.WriteAtomically(outDir.FullName);
            var stdout = parseResult.InvocationConfiguration.Output;
            var result = new Result(modelFile.Name, outDir.FullName, design.Lanes, plan.FormatRule, design.Top, design.Sources,
                design.Files.Files.Count, design.Schedule.StepCycles(0));
            if (parseResult.GetValue(json))
            {
                CliOutput.WriteJson(stdout, result);
                return 0;
            }
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"wrote {result.Files} files to {result.Out}: top {result.Top}, {result.Lanes} lane(s), formats {result.FormatRule}"));
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"decode step: {(design.Schedule.DataDependent ? "at most " : "")}{result.StepCyclesAtPos0} cycles at position 0 (schedule.txt); sources in order: {RtlDesign.ManifestFile}"));
            return 0;
        });
        return command;
    }
}
