namespace HwGen.Reference;

/// <summary>microGPT's loss of a model over a corpus.</summary>
/// <param name="Documents">Documents evaluated.</param>
/// <param name="Tokens">Tokens predicted (one model step each).</param>
/// <param name="MeanNll">Mean negative log-likelihood per predicted token, in nats.</param>
public sealed record CorpusLoss(int Documents, long Tokens, double MeanNll);
