namespace HwGen.Reference;

/// <summary>
/// One golden sequence: <c>Logits[i]</c> is the output after feeding <c>Tokens[0..i]</c> at
/// positions 0..i with a fresh KV cache.
/// </summary>
public sealed record GoldenCase(IReadOnlyList<int> Tokens, IReadOnlyList<double[]> Logits);
