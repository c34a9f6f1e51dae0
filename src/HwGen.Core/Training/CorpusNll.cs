using HwGen.Model;

namespace HwGen.Training;

/// <summary>
/// The mean negative log-likelihood per predicted token of a model over a whole corpus: every
/// document as [BOS] + characters + [BOS], cut to block_size + 1 tokens, all predictions of all
/// documents weighted equally (nats/token).
/// </summary>
public static class CorpusNll
{
    public static double Mean(ModelWeights model, TrainingCorpus corpus)
    {
        var config = model.Config;
        if (config.Vocab is { } vocab && vocab != corpus.Vocab)
            throw new HwGenException($"{corpus.Source}: the corpus characters \"{corpus.Vocab}\" differ from the model's vocabulary \"{vocab}\"; evaluate on a corpus with the model's characters.");
        if (config.VocabSize != corpus.VocabSize || config.Bos != corpus.Bos)
            throw new HwGenException($"{corpus.Source}: the corpus has {corpus.VocabSize} tokens (BOS {corpus.Bos}) but the model has vocab_size {config.VocabSize} (BOS {config.Bos}).");
        var engine = new GptBackprop(config);
        var total = 0.0;
        long predictions = 0;
        for (var d = 0; d < corpus.Documents.Count; d++)
        {
            var sequence = corpus.Sequence(d, config.BlockSize);
            total += engine.SumNll(model, sequence);
            predictions += sequence.Length - 1;
        }
        return total / predictions;
    }
}
