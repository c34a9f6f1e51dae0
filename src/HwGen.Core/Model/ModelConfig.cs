namespace HwGen.Model;

/// <summary>
/// The shape of one model of the microGPT family: token and position embeddings, n_layer
/// pre-norm transformer blocks (multi-head causal attention, ReLU MLP of width 4 * n_embd),
/// and an LM head. No biases.
/// </summary>
/// <param name="NLayer">Number of transformer blocks.</param>
/// <param name="NEmbd">Width of the residual stream.</param>
/// <param name="NHead">Number of attention heads; divides <paramref name="NEmbd"/>.</param>
/// <param name="BlockSize">Context length (positions 0 .. BlockSize-1).</param>
/// <param name="VocabSize">Number of tokens, BOS included.</param>
/// <param name="Bos">The BOS token, which starts and ends every document.</param>
/// <param name="Vocab">The characters of the non-BOS tokens in token order, when known.</param>
public sealed record ModelConfig(int NLayer, int NEmbd, int NHead, int BlockSize, int VocabSize, int Bos, string? Vocab = null)
{
    /// <summary>microGPT as trained on names.txt: 26 letters and BOS.</summary>
    public static ModelConfig MicroGpt { get; } = new(1, 16, 4, 16, 27, 26, "abcdefghijklmnopqrstuvwxyz");

    public int HeadDim => NEmbd / NHead;

    public int MlpHidden => 4 * NEmbd;

    /// <summary>Number of weights (all tensors) of a model of this shape.</summary>
    public int ParameterCount => TensorShapes().Sum(t => t.Rows * t.Cols);

    /// <summary>
    /// Checks the shape and returns it; throws <see cref="HwGenException"/> naming the first
    /// field that is wrong. <paramref name="where"/> names the source (a file) for the message.
    /// </summary>
    public ModelConfig Validated(string where = "model config")
    {
        void Positive(int value, string name)
        {
            if (value <= 0)
                throw new HwGenException($"{where}: {name} is {value}; it must be a positive integer.");
        }

        Positive(NLayer, "n_layer");
        Positive(NEmbd, "n_embd");
        Positive(NHead, "n_head");
        Positive(BlockSize, "block_size");
        Positive(VocabSize, "vocab_size");
        if (NEmbd % NHead != 0)
            throw new HwGenException($"{where}: n_embd {NEmbd} is not divisible by n_head {NHead}; choose n_head among the divisors of n_embd.");
        if (Bos < 0 || Bos >= VocabSize)
            throw new HwGenException($"{where}: bos {Bos} is outside the vocabulary 0..{VocabSize - 1}.");
        if (Vocab is not null && Vocab.Length != VocabSize - 1)
            throw new HwGenException($"{where}: vocab has {Vocab.Length} characters but vocab_size {VocabSize} needs {VocabSize - 1} (every token but BOS).");
        return this;
    }

    /// <summary>Every tensor of the model with its microGPT state_dict name and [rows, cols] shape, in file order.</summary>
    public IReadOnlyList<(string Name, int Rows, int Cols)> TensorShapes()
    {
        var shapes = new List<(string, int, int)>
        {
            (TensorNames.Wte, VocabSize, NEmbd),
            (TensorNames.Wpe, BlockSize, NEmbd),
            (TensorNames.LmHead, VocabSize, NEmbd),
        };
        for (var i = 0; i < NLayer; i++)
        {
            shapes.Add((TensorNames.AttnWq(i), NEmbd, NEmbd));
            shapes.Add((TensorNames.AttnWk(i), NEmbd, NEmbd));
            shapes.Add((TensorNames.AttnWv(i), NEmbd, NEmbd));
            shapes.Add((TensorNames.AttnWo(i), NEmbd, NEmbd));
            shapes.Add((TensorNames.MlpFc1(i), MlpHidden, NEmbd));
            shapes.Add((TensorNames.MlpFc2(i), NEmbd, MlpHidden));
        }
        return shapes;
    }

    /// <summary>A short description such as "e16 h4 l1 b16 v27".</summary>
    public override string ToString() => $"n_embd {NEmbd}, n_head {NHead}, n_layer {NLayer}, block {BlockSize}, vocab {VocabSize}, bos {Bos}";
}
