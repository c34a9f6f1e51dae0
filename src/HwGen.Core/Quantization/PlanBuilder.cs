using System.Collections.Immutable;
using System.Globalization;
using HwGen.Model;
using HwGen.Numerics;

namespace HwGen.Quantization;

/// <summary>Builds the <see cref="NumericsPlan"/> of a model (docs/numerics.md section 6).</summary>
public static class PlanBuilder
{
    /// <summary>The headroom of auto formats over the calibrated ranges.</summary>
    public const double DefaultHeadroom = 1.25;

    /// <summary>
    /// Every site and every weight tensor in <paramref name="format"/> (e.g. Q4.12 everywhere, as
    /// TALOS-V2). Weights outside it saturate; the tensors report how many.
    /// </summary>
    public static NumericsPlan Fixed(ModelWeights weights, QFormat format, ActivationRanges? ranges = null, string calibration = "none") =>
        Build(weights, format.ToString(), t => WeightQuantizer.Quantize(t.Name, t.Matrix, format),
            (site, layer) => new SiteFormat(site, layer, format, ranges?.MaxAbs(site, layer)), DefaultHeadroom, calibration);

    /// <summary>
    /// Auto formats: each tensor the fewest integer bits without clipping; each site the fewest
    /// integer bits m with 2^(m-1) &gt; headroom * calibrated max |value|.
    /// </summary>
    public static NumericsPlan Auto(ModelWeights weights, ActivationRanges ranges, string calibration, double headroom = DefaultHeadroom)
    {
        if (!(headroom >= 1) || double.IsInfinity(headroom))
            throw new HwGenException($"headroom {headroom.ToString(CultureInfo.InvariantCulture)} must be a number of at least 1.");
        return Build(weights, "auto", t => WeightQuantizer.Quantize(t.Name, t.Matrix, null), (site, layer) =>
        {
            var name = SiteNames.Of(site, layer);
            var max = ranges.MaxAbs(site, layer)
                ?? throw new HwGenException($"calibration ({calibration}) never reached site {name}; give a calibration corpus with at least one document.");
            return new SiteFormat(site, layer, QFormat.ForMaxAbs(max * headroom, $"site {name} (max |value| {max.ToString("G6", CultureInfo.InvariantCulture)} x headroom {headroom.ToString(CultureInfo.InvariantCulture)})"), max);
        }, headroom, calibration);
    }

    private static NumericsPlan Build(ModelWeights weights, string rule, Func<(string Name, Matrix Matrix), QuantizedTensor> quantize,
        Func<Reference.ActivationSite, int, SiteFormat> site, double headroom, string calibration)
    {
        var config = weights.Config;
        var tensors = config.TensorShapes().Select(t => quantize((t.Name, weights.Tensors[t.Name]))).ToImmutableArray();
        var sites = SiteNames.All(config.NLayer).Select(s => site(s.Site, s.Layer)).ToImmutableArray();
        return new NumericsPlan(config, rule, tensors, sites, Rounding.NearestEven, TableParameters.Default, headroom, calibration);
    }
}
