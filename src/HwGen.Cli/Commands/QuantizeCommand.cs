using System.CommandLine;
using System.Globalization;
using HwGen.Quantization;

namespace HwGen.Cli.Commands;

/// <summary>
/// <c>hwgen quantize</c>: writes one .mem file per weight tensor and manifest.json (the numerics plan)
/// into a directory, atomically.
/// </summary>
internal static class QuantizeCommand
{
    /// <summary>The JSON result of <c>hwgen quantize --json</c>.</summary>
    public sealed record Result(string Model, string Out, string FormatRule, string Calibration, IReadOnlyList<ManifestTensor> Tensors, IReadOnlyList<ManifestSite> Activations);

    public static Command Create()
    {
        var model = CommonOptions.Model();
        var json = CommonOptions.Json();
        var format = FixedPointOptions.Format();
        var calibration = FixedPointOptions.Calibration();
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "Output directory (replaced as a whole).", Required = true };
        var command = new Command("quantize", "Quantize the weights to 16-bit fixed point: <tensor>.mem files and manifest.json.")
        {
            model, output, format, calibration, json,
        };
        command.SetAction(parseResult =>
        {
            var modelFile = CommonOptions.ModelFile(parseResult, model);
            var weights = ModelFiles.Load(modelFile);
            var plan = FixedPointOptions.Plan(weights, parseResult.GetValue(format)!, parseResult.GetValue(calibration));
            var outDir = parseResult.GetValue(output)!;
            QuantizedOutput.Write(plan, modelFile.FullName, outDir.FullName);
            var doc = Manifest.Build(plan, modelFile.Name, "");
            var stdout = parseResult.InvocationConfiguration.Output;
            if (parseResult.GetValue(json))
            {
                CliOutput.WriteJson(stdout, new Result(modelFile.Name, outDir.FullName, plan.FormatRule, plan.Calibration, doc.Tensors, doc.Activations));
                return 0;
            }
            stdout.WriteLine(Inv($"wrote {plan.Tensors.Length} .mem files and {Manifest.FileName} to {outDir.FullName}"));
            stdout.WriteLine(Inv($"formats: {plan.FormatRule}; calibration: {plan.Calibration}"));
            stdout.WriteLine(Inv($"{"tensor",-18} {"format",-7} {"shape",-9} {"max|w|",8} {"SNR dB",7} clipped"));
            foreach (var t in plan.Tensors)
                stdout.WriteLine(Inv($"{t.Name,-18} {t.Format,-7} {$"{t.Rows}x{t.Cols}",-9} {t.MaxAbs,8:F4} {(double.IsFinite(t.SnrDb) ? t.SnrDb.ToString("F1", CultureInfo.InvariantCulture) : "exact"),7} {t.Clipped}"));
            foreach (var t in plan.Tensors.Where(t => t.Clipped > 0))
            {
                var needed = Numerics.QFormat.ForMaxAbs(t.MaxAbs, t.Name);
                stdout.WriteLine(Inv($"note: {t.Clipped} weights of '{t.Name}' were clipped: its max |w| {t.MaxAbs:G4} needs {needed.IntBits} integer bits; {t.Format} has {t.Format.IntBits}. Use --format auto or {needed}."));
            }
            stdout.WriteLine(Inv($"{"site",-26} {"format",-7} calibrated max|x|"));
            foreach (var s in plan.Sites)
                stdout.WriteLine(Inv($"{s.Name,-26} {s.Format,-7} {(s.CalibratedMaxAbs is { } m ? m.ToString("F4", CultureInfo.InvariantCulture) : "-")}"));
            return 0;
        });
        return command;
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
