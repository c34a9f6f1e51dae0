using HwGen.Reference;

namespace HwGen.Quantization;

/// <summary>
/// Records the largest |value| seen at every (site, layer) of a model's forward passes: plug it
/// into the float reference as its observer, run a calibration corpus, then read <see cref="MaxAbs"/>.
/// </summary>
public sealed class ActivationRanges : IActivationObserver
{
    private readonly Dictionary<(ActivationSite, int), double> _max = [];

    /// <summary>How many steps were observed (counted at the Logits site).</summary>
    public long Steps { get; private set; }

    /// <inheritdoc />
    public void Observe(ActivationSite site, int layer, ReadOnlySpan<double> values)
    {
        var m = _max.GetValueOrDefault((site, layer));
        foreach (var v in values)
            m = Math.Max(m, Math.Abs(v));
        _max[(site, layer)] = m;
        if (site == ActivationSite.Logits)
            Steps++;
    }

    /// <summary>The largest |value| seen at the site, or null when it was never observed.</summary>
    public double? MaxAbs(ActivationSite site, int layer) =>
        _max.TryGetValue((site, layer), out var m) ? m : null;
}
