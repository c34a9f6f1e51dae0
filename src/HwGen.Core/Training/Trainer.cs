using HwGen.Model;

namespace HwGen.Training;

/// <summary>
/// Trains a microGPT-family model on a corpus, deterministically for a seed: the same corpus,
/// shape and options give bit-identical weights (single-threaded, portable exp/log, a specified
/// PRNG). Order of random draws: the document order is shuffled first, then every weight is drawn
/// from N(0, init_std^2) tensor by tensor in file order, row-major; the documents are shuffled
/// again each time a pass over them ends.
/// </summary>
public static class Trainer
{
    private const int RunningWindow = 100;

    public static TrainingResult Train(
        TrainingCorpus corpus,
        ModelConfig config,
        TrainingOptions options,
        Action<TrainingProgress>? onStep = null,
        CancellationToken cancellation = default)
    {
        config.Validated("model shape");
        options.Validated();
        if (config.VocabSize != corpus.VocabSize || config.Bos != corpus.Bos)
            throw new HwGenException($"{corpus.Source}: the corpus has {corpus.VocabSize} tokens (BOS {corpus.Bos}) but the model shape has vocab_size {config.VocabSize} (BOS {config.Bos}).");

        var random = new TrainingRandom(options.Seed);
        var order = Enumerable.Range(0, corpus.Documents.Count).ToArray();
        random.Shuffle(order.AsSpan());
        var weights = Initialize(config, random, options.InitStd);
        var grad = ModelWeights.Zeros(config);
        var adam = new AdamOptimizer(config, options.Beta1, options.Beta2, options.Eps);
        var engine = new GptBackprop(config);
        var sequences = new int[corpus.Documents.Count][];

        var window = new double[RunningWindow];
        var windowSum = 0.0;
        var next = 0;
        for (var step = 0; step < options.Steps; step++)
        {
            cancellation.ThrowIfCancellationRequested();
            foreach (var tensor in grad.Tensors.Values)
                Array.Clear(tensor.Data);
            var loss = 0.0;
            for (var b = 0; b < options.BatchSize; b++)
            {
                if (next == order.Length)
                {
                    random.Shuffle(order.AsSpan());
                    next = 0;
                }
                var doc = order[next++];
                var sequence = sequences[doc] ??= corpus.Sequence(doc, config.BlockSize);
                loss += engine.LossAndGradient(weights, sequence, grad, 1.0 / options.BatchSize);
            }
            loss /= options.BatchSize;
            var learningRate = options.LearningRate * (1 - (double)step / options.Steps);
            adam.Step(weights, grad, learningRate);

            // A running sum would drift; the window is re-summed (100 additions per step is nothing).
            window[step % RunningWindow] = loss;
            var count = Math.Min(step + 1, RunningWindow);
            windowSum = 0;
            for (var i = 0; i < count; i++)
                windowSum += window[i];
            onStep?.Invoke(new TrainingProgress(step + 1, options.Steps, loss, windowSum / count));
        }

        var saved = new ModelWeights(config, weights.Tensors.ToDictionary(
            kv => kv.Key,
            kv => new Matrix(kv.Value.Rows, kv.Value.Cols, kv.Value.Data.Select(x => (double)(float)x).ToArray())));
        var windowCount = Math.Min(options.Steps, RunningWindow);
        return new TrainingResult(saved, options.Steps, (long)options.Steps * options.BatchSize, windowSum / windowCount);
    }

    /// <summary>Every weight from N(0, std^2), tensor by tensor in file order, each row-major.</summary>
    public static ModelWeights Initialize(ModelConfig config, TrainingRandom random, double std)
    {
        var weights = ModelWeights.Zeros(config);
        foreach (var (name, _, _) in config.TensorShapes())
        {
            var data = weights.Tensors[name].Data;
            for (var i = 0; i < data.Length; i++)
                data[i] = random.NextGaussian() * std;
        }
        return weights;
    }
}
