using System.CommandLine;
using HwGen.Model;
using HwGen.Quantization;

namespace HwGen.Cli.Commands;

/// <summary>The options that choose the fixed-point numerics plan, shared by quantize, eval, sample and bench.</summary>
internal static class FixedPointOptions
{
    public static Option<bool> Fixed() => new("--fixed")
    {
        Description = "Run the integer golden model (docs/numerics.md) instead of the float64 reference.",
    };

    public static Option<string> Format() => new("--format")
    {
        Description = "Fixed-point formats: auto (each tensor and site its own, from calibrated ranges) or one Qm.n everywhere, e.g. Q4.12.",
        DefaultValueFactory = _ => "auto",
    };

    public static Option<FileInfo?> Calibration() => new("--calibration")
    {
        Description = $"Calibration corpus for auto formats, one document per line. Default: {Quantization.Calibration.DefaultSamples} names sampled from the float model.",
    };

    /// <summary>The plan for <paramref name="weights"/> from the --format and --calibration values.</summary>
    public static NumericsPlan Plan(ModelWeights weights, string format, FileInfo? calibration)
    {
        if (calibration is not null && !File.Exists(calibration.FullName))
            throw new HwGenException($"{calibration.FullName}: calibration corpus not found; check the --calibration path.");
        return PlanFactory.Create(weights, format, calibration?.FullName);
    }
}
