namespace HwGen.Reference;

/// <summary>
/// The named points of the forward pass whose values an <see cref="IActivationObserver"/> sees,
/// in the order one step reports them. The fixed-point model uses the same names for its formats.
/// Layer is -1 for the sites outside the transformer blocks.
/// </summary>
public enum ActivationSite
{
    /// <summary>wte[token] + wpe[pos], n_embd values (layer -1).</summary>
    Embedding,

    /// <summary>rmsnorm of the embedding sum: the residual stream entering layer 0, n_embd values (layer -1).</summary>
    EmbeddingNorm,

    /// <summary>rmsnorm(x) at the start of a block, the input of Wq/Wk/Wv, n_embd values.</summary>
    AttnNorm,

    /// <summary>q = Wq x, n_embd values (head h is the slice h*head_dim ..).</summary>
    Query,

    /// <summary>k = Wk x for the current position, n_embd values.</summary>
    Key,

    /// <summary>v = Wv x for the current position, n_embd values.</summary>
    Value,

    /// <summary>Scaled scores q_h . k_h[t] / sqrt(head_dim), head-major: n_head * (pos + 1) values.</summary>
    AttnScores,

    /// <summary>Softmax of the scores, same layout as <see cref="AttnScores"/>.</summary>
    AttnWeights,

    /// <summary>The heads' outputs concatenated (the input of Wo), n_embd values.</summary>
    AttnOutput,

    /// <summary>Wo applied to the attention output, before the residual add, n_embd values.</summary>
    AttnProjection,

    /// <summary>The residual stream after the attention residual add, n_embd values.</summary>
    AttnResidual,

    /// <summary>rmsnorm of the residual stream, the input of fc1, n_embd values.</summary>
    MlpNorm,

    /// <summary>ReLU(fc1 x), the input of fc2, 4 * n_embd values.</summary>
    MlpHidden,

    /// <summary>fc2 applied to the hidden layer, before the residual add, n_embd values.</summary>
    MlpOutput,

    /// <summary>The residual stream after the MLP residual add (the block's output), n_embd values.</summary>
    MlpResidual,

    /// <summary>lm_head x, vocab_size values (layer -1).</summary>
    Logits,
}
