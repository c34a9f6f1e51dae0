using HwGen.Model;

namespace HwGen.Reference;

/// <summary>
/// A decoder of the microGPT family seen from outside: feed one token at a time from position 0
/// and read the logits it predicts for the next token. The float64 reference (<see cref="FloatGpt"/>)
/// and the fixed-point golden model both implement it, so evaluation and sampling work on either.
/// </summary>
public interface ILogitModel
{
    /// <summary>The shape of the model (vocabulary size, block size, BOS).</summary>
    ModelConfig Config { get; }

    /// <summary>Number of tokens fed since the last <see cref="Reset"/>: the position of the next token.</summary>
    int Position { get; }

    /// <summary>Empties the KV cache; the next token goes to position 0.</summary>
    void Reset();

    /// <summary>
    /// Feeds <paramref name="token"/> at position <see cref="Position"/> and returns the logits for the
    /// next token as a new array of VocabSize values (the caller owns it). Throws when the token is
    /// outside the vocabulary or when BlockSize tokens were already fed.
    /// </summary>
    double[] Step(int token);
}
