namespace HwGen.Reference;

/// <summary>How far a model's logits are from a golden file's.</summary>
/// <param name="Cases">Sequences run, each from a fresh cache.</param>
/// <param name="Positions">Logit rows compared.</param>
/// <param name="MaxAbsError">Largest |model - golden| over every logit of every row.</param>
/// <param name="MeanAbsError">Mean |model - golden| over every logit of every row.</param>
/// <param name="Top1Agreement">Fraction of rows whose argmax (lowest index on ties) is the same.</param>
/// <param name="WorstCase">Case of the largest error.</param>
/// <param name="WorstPosition">Position of the largest error in that case.</param>
/// <param name="WorstToken">Logit index (next token) of the largest error.</param>
public sealed record GoldenComparison(
    int Cases, int Positions, double MaxAbsError, double MeanAbsError, double Top1Agreement,
    int WorstCase, int WorstPosition, int WorstToken);
