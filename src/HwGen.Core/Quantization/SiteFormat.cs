using HwGen.Numerics;
using HwGen.Reference;

namespace HwGen.Quantization;

/// <summary>The format of one activation site (docs/numerics.md section 6).</summary>
/// <param name="Site">Which value.</param>
/// <param name="Layer">The transformer block, or -1 for Embedding, EmbeddingNorm and Logits.</param>
/// <param name="Format">Its 16-bit format.</param>
/// <param name="CalibratedMaxAbs">The largest |value| the float model produced there on the calibration corpus, when measured.</param>
public sealed record SiteFormat(ActivationSite Site, int Layer, QFormat Format, double? CalibratedMaxAbs)
{
    /// <summary>The site's name as traces and messages print it: "logits", "layer0.attn_scores".</summary>
    public string Name => SiteNames.Of(Site, Layer);
}
