namespace HwGen.Golden;

/// <summary>One generated sequence of the golden sampler.</summary>
/// <param name="Tokens">The emitted tokens (no BOS, no prompt).</param>
/// <param name="Steps">Number of steps run (positions fed, BOS and prompt included).</param>
/// <param name="Logits">The logit codes of every step in order, when recorded.</param>
/// <param name="HiddenNonzero">Every step's count of nonzero MLP hidden codes per layer (<see cref="FixedGpt.HiddenNonzero"/>), recorded with the logits.</param>
public sealed record FixedSample(int[] Tokens, int Steps, IReadOnlyList<int[]>? Logits, IReadOnlyList<int[]>? HiddenNonzero = null);
