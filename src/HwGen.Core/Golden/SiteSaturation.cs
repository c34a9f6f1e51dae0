namespace HwGen.Golden;

/// <summary>How many Requantize results were clamped at one site since the counters were cleared.</summary>
/// <param name="Site">The site's name, e.g. "logits" or "layer0.attn_scores".</param>
/// <param name="Format">Its format, e.g. "Q4.12".</param>
/// <param name="Events">Saturation events.</param>
public sealed record SiteSaturation(string Site, string Format, long Events);
