using HwGen.Reference;

namespace HwGen.Sampling;

/// <summary>
/// Generates documents from a model as microGPT does: start with BOS at position 0; each step
/// feeds the token, turns the logits into the next token (softmax of logits / temperature and a
/// categorical draw, or the argmax when greedy), and stops when BOS comes out or block_size tokens
/// were fed. One PRNG serves every sample, so a seed fixes the whole sequence of samples.
/// </summary>
public sealed class Sampler
{
    private readonly ILogitModel _model;
    private readonly SamplingOptions _options;
    private readonly XorShift32 _rng;
    private readonly double[] _probs;

    public Sampler(ILogitModel model, SamplingOptions options)
    {
        _model = model;
        _options = options.Validated();
        _rng = new XorShift32(options.Seed);
        _probs = new double[model.Config.VocabSize];
    }

    /// <summary>One sample: the generated tokens, without the BOS that starts or ends it.</summary>
    public int[] Next()
    {
        var config = _model.Config;
        var tokens = new List<int>();
        _model.Reset();
        var token = config.Bos;
        for (var pos = 0; pos < config.BlockSize; pos++)
        {
            var logits = _model.Step(token);
            token = _options.Greedy ? Evaluation.ArgMax(logits) : Draw(logits);
            if (token == config.Bos)
                break;
            tokens.Add(token);
        }
        return tokens.ToArray();
    }

    /// <summary>
    /// Softmax of logits / temperature (max subtracted), then the first token whose cumulative
    /// probability exceeds u * total for a uniform u in [0, 1).
    /// </summary>
    private int Draw(ReadOnlySpan<double> logits)
    {
        var t = _options.Temperature;
        var max = double.NegativeInfinity;
        foreach (var v in logits)
            max = Math.Max(max, v / t);
        var total = 0.0;
        for (var i = 0; i < logits.Length; i++)
        {
            _probs[i] = Math.Exp(logits[i] / t - max);
            total += _probs[i];
        }
        var r = _rng.NextDouble() * total;
        var cumulative = 0.0;
        var last = 0;
        for (var i = 0; i < _probs.Length; i++)
        {
            if (_probs[i] <= 0)
                continue;
            cumulative += _probs[i];
            last = i;
            if (r < cumulative)
                return i;
        }
        return last;
    }
}
