using HwGen.Numerics;
using HwGen.Reference;

namespace HwGen.Golden;

/// <summary>
/// Receives the codes of every activation site of every step of <see cref="FixedGpt"/>, laid out as
/// <see cref="ActivationSite"/> documents. The span is only valid during the call; copy what you keep.
/// </summary>
public interface IFixedObserver
{
    /// <param name="site">Which value.</param>
    /// <param name="layer">The block, or -1 for Embedding, EmbeddingNorm and Logits.</param>
    /// <param name="format">The format of the codes.</param>
    /// <param name="codes">The codes (16-bit values held in ints).</param>
    void Observe(ActivationSite site, int layer, QFormat format, ReadOnlySpan<int> codes);
}
