namespace HwGen.Verification;

/// <summary>What a reference (the golden model) computes for one sample: the tokens it emits and every step's logit codes.</summary>
/// <param name="Id">The sample's id, as in the stimulus.</param>
/// <param name="Tokens">The emitted tokens, in order (BOS never included).</param>
/// <param name="Logits">The logit codes of each position fed, in position order.</param>
/// <param name="HiddenNonzero">
/// Each position's count of nonzero MLP hidden codes per layer, in position order, when the reference reports them
/// (the golden model does): the compact core's fc2 cycles depend on them. Null: unknown.
/// </param>
public sealed record ExpectedSample(int Id, IReadOnlyList<int> Tokens, IReadOnlyList<IReadOnlyList<int>> Logits,
    IReadOnlyList<IReadOnlyList<int>>? HiddenNonzero = null);
