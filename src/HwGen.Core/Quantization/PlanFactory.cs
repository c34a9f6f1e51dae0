using HwGen.Model;
using HwGen.Numerics;
using HwGen.Reference;

namespace HwGen.Quantization;

/// <summary>Builds a plan from what the command line says: a format rule and an optional calibration corpus.</summary>
public static class PlanFactory
{
    /// <summary>
    /// <paramref name="formatRule"/> is "auto" or a format such as "Q4.12". Auto calibrates on
    /// <paramref name="calibrationFile"/> (one document per line) or, when null, on names sampled
    /// from the float model (<see cref="Calibration.SampledDocuments"/>). A fixed format still
    /// measures the ranges (for the manifest) when a calibration file is given.
    /// </summary>
    public static NumericsPlan Create(ModelWeights weights, string formatRule, string? calibrationFile, string optionName = "--format")
    {
        var isAuto = string.Equals(formatRule, "auto", StringComparison.OrdinalIgnoreCase);
        var format = isAuto ? null : QFormat.Parse(formatRule, optionName);
        ActivationRanges? ranges = null;
        string source = "none";
        if (calibrationFile is not null)
        {
            var corpus = TokenCorpus.Load(calibrationFile, weights.Config);
            ranges = Calibration.Measure(weights, corpus.Documents);
            source = $"{Path.GetFileName(calibrationFile)} ({corpus.Documents.Count} documents)";
        }
        else if (isAuto)
        {
            ranges = Calibration.Measure(weights, Calibration.SampledDocuments(weights));
            source = $"{Calibration.DefaultSamples} samples of the float model (seed {Calibration.DefaultSeed}, temperature 1)";
        }
        return format is null
            ? PlanBuilder.Auto(weights, ranges!, source)
            : PlanBuilder.Fixed(weights, format, ranges, source);
    }
}
