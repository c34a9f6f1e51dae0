using System.Text;
using HwGen.Reference;

namespace HwGen.Quantization;

/// <summary>Names and the fixed order of the activation sites of a model shape.</summary>
public static class SiteNames
{
    /// <summary>Sites inside every block, in step order.</summary>
    public static IReadOnlyList<ActivationSite> LayerSites { get; } =
    [
        ActivationSite.AttnNorm, ActivationSite.Query, ActivationSite.Key, ActivationSite.Value, ActivationSite.AttnScores,
        ActivationSite.AttnWeights, ActivationSite.AttnOutput, ActivationSite.AttnProjection, ActivationSite.AttnResidual,
        ActivationSite.MlpNorm, ActivationSite.MlpHidden, ActivationSite.MlpOutput, ActivationSite.MlpResidual,
    ];

    /// <summary>True for Embedding, EmbeddingNorm and Logits, which have layer -1.</summary>
    public static bool IsGlobal(ActivationSite site) =>
        site is ActivationSite.Embedding or ActivationSite.EmbeddingNorm or ActivationSite.Logits;

    /// <summary>Every (site, layer) of a model with <paramref name="layers"/> blocks, in step order.</summary>
    public static IEnumerable<(ActivationSite Site, int Layer)> All(int layers)
    {
        yield return (ActivationSite.Embedding, -1);
        yield return (ActivationSite.EmbeddingNorm, -1);
        for (var l = 0; l < layers; l++)
        {
            foreach (var s in LayerSites)
                yield return (s, l);
        }
        yield return (ActivationSite.Logits, -1);
    }

    /// <summary>"embedding", "layer0.attn_scores", "logits".</summary>
    public static string Of(ActivationSite site, int layer)
    {
        var name = SnakeCase(site.ToString());
        return layer < 0 ? name : $"layer{layer}.{name}";
    }

    private static string SnakeCase(string pascal)
    {
        var sb = new StringBuilder();
        foreach (var ch in pascal)
        {
            if (char.IsUpper(ch) && sb.Length > 0)
                sb.Append('_');
            sb.Append(char.ToLowerInvariant(ch));
        }
        return sb.ToString();
    }
}
