namespace HwGen.Reference;

/// <summary>
/// Receives the intermediate values of every step of a decoder (for calibration of fixed-point
/// formats, or for tracing). The span is only valid during the call; copy what you keep.
/// </summary>
public interface IActivationObserver
{
    /// <param name="site">Which value this is.</param>
    /// <param name="layer">The transformer block, or -1 for sites outside the blocks.</param>
    /// <param name="values">The values, laid out as <paramref name="site"/> documents.</param>
    void Observe(ActivationSite site, int layer, ReadOnlySpan<double> values);
}
