using HwGen.Model;

namespace HwGen.Reference;

/// <summary>
/// The float64 reference: microGPT's forward pass exactly as Karpathy's <c>gpt()</c> computes it
/// (same operations, same summation order), one token per <see cref="Step"/> with a KV cache.
/// <code>
/// x = rmsnorm(wte[tok] + wpe[pos])
/// per layer: x = x + Wo attn(rmsnorm(x));  x = x + fc2 relu(fc1 rmsnorm(x))
/// logits = lm_head x            (no final norm, no biases; rmsnorm(x) = x * (mean(x^2) + 1e-5)^-0.5)
/// </code>
/// All working buffers are allocated once; a step allocates only the returned logits.
/// </summary>
public sealed class FloatGpt : ILogitModel
{
    private const double RmsEpsilon = 1e-5;

    private readonly ModelWeights _w;
    private readonly IActivationObserver? _observer;
    private readonly double[][] _keys;   // per layer: [block_size * n_embd]
    private readonly double[][] _values; // per layer: [block_size * n_embd]
    private readonly double[] _x;
    private readonly double[] _residual;
    private readonly double[] _norm;
    private readonly double[] _q;
    private readonly double[] _attn;
    private readonly double[] _hidden;
    private readonly double[] _scores;   // [n_head * block_size], head-major while a step runs
    private readonly double[] _weights;  // same layout as _scores
    private readonly double _scale;

    /// <param name="weights">The model.</param>
    /// <param name="observer">When given, sees every <see cref="ActivationSite"/> of every step.</param>
    public FloatGpt(ModelWeights weights, IActivationObserver? observer = null)
    {
        _w = weights;
        _observer = observer;
        var c = weights.Config;
        _keys = new double[c.NLayer][];
        _values = new double[c.NLayer][];
        for (var l = 0; l < c.NLayer; l++)
        {
            _keys[l] = new double[c.BlockSize * c.NEmbd];
            _values[l] = new double[c.BlockSize * c.NEmbd];
        }
        _x = new double[c.NEmbd];
        _residual = new double[c.NEmbd];
        _norm = new double[c.NEmbd];
        _q = new double[c.NEmbd];
        _attn = new double[c.NEmbd];
        _hidden = new double[c.MlpHidden];
        _scores = new double[c.NHead * c.BlockSize];
        _weights = new double[c.NHead * c.BlockSize];
        _scale = Math.Sqrt(c.HeadDim);
    }

    /// <inheritdoc />
    public ModelConfig Config => _w.Config;

    /// <inheritdoc />
    public int Position { get; private set; }

    /// <inheritdoc />
    public void Reset() => Position = 0;

    /// <inheritdoc />
    public double[] Step(int token)
    {
        var c = Config;
        if ((uint)token >= (uint)c.VocabSize)
            throw new ArgumentOutOfRangeException(nameof(token), $"token {token} is outside the vocabulary 0..{c.VocabSize - 1}");
        if (Position >= c.BlockSize)
            throw new InvalidOperationException($"the context is full: {c.BlockSize} tokens were fed (block_size); call Reset first");
        var pos = Position;
        var n = c.NEmbd;

        var tok = _w.Wte.Row(token);
        var pe = _w.Wpe.Row(pos);
        for (var i = 0; i < n; i++)
            _x[i] = tok[i] + pe[i];
        Report(ActivationSite.Embedding, -1, _x);
        RmsNorm(_x, _x);
        Report(ActivationSite.EmbeddingNorm, -1, _x);

        for (var l = 0; l < c.NLayer; l++)
        {
            var layer = _w.Layers[l];
            _x.CopyTo(_residual, 0);
            RmsNorm(_x, _norm);
            Report(ActivationSite.AttnNorm, l, _norm);
            var k = _keys[l].AsSpan(pos * n, n);
            var v = _values[l].AsSpan(pos * n, n);
            Linear(layer.AttnWq, _norm, _q);
            Linear(layer.AttnWk, _norm, k);
            Linear(layer.AttnWv, _norm, v);
            Report(ActivationSite.Query, l, _q);
            Report(ActivationSite.Key, l, k);
            Report(ActivationSite.Value, l, v);
            Attend(l, pos);
            Linear(layer.AttnWo, _attn, _x);
            Report(ActivationSite.AttnProjection, l, _x);
            for (var i = 0; i < n; i++)
                _x[i] += _residual[i];
            Report(ActivationSite.AttnResidual, l, _x);

            _x.CopyTo(_residual, 0);
            RmsNorm(_x, _norm);
            Report(ActivationSite.MlpNorm, l, _norm);
            Linear(layer.MlpFc1, _norm, _hidden);
            for (var i = 0; i < _hidden.Length; i++)
                _hidden[i] = Math.Max(0.0, _hidden[i]);
            Report(ActivationSite.MlpHidden, l, _hidden);
            Linear(layer.MlpFc2, _hidden, _x);
            Report(ActivationSite.MlpOutput, l, _x);
            for (var i = 0; i < n; i++)
                _x[i] += _residual[i];
            Report(ActivationSite.MlpResidual, l, _x);
        }

        var logits = new double[c.VocabSize];
        Linear(_w.LmHead, _x, logits);
        Report(ActivationSite.Logits, -1, logits);
        Position = pos + 1;
        return logits;
    }

    /// <summary>Causal multi-head attention of the current query over positions 0..pos into _attn.</summary>
    private void Attend(int layer, int pos)
    {
        var c = Config;
        var n = c.NEmbd;
        var hd = c.HeadDim;
        var len = pos + 1;
        var keys = _keys[layer];
        var values = _values[layer];
        for (var h = 0; h < c.NHead; h++)
        {
            var off = h * hd;
            var scores = _scores.AsSpan(h * len, len);
            var weights = _weights.AsSpan(h * len, len);
            for (var t = 0; t < len; t++)
            {
                var dot = 0.0;
                for (var j = 0; j < hd; j++)
                    dot += _q[off + j] * keys[t * n + off + j];
                scores[t] = dot / _scale;
            }
            Softmax(scores, weights);
            for (var j = 0; j < hd; j++)
            {
                var sum = 0.0;
                for (var t = 0; t < len; t++)
                    sum += weights[t] * values[t * n + off + j];
                _attn[off + j] = sum;
            }
        }
        Report(ActivationSite.AttnScores, layer, _scores.AsSpan(0, c.NHead * len));
        Report(ActivationSite.AttnWeights, layer, _weights.AsSpan(0, c.NHead * len));
        Report(ActivationSite.AttnOutput, layer, _attn);
    }

    private void Report(ActivationSite site, int layer, ReadOnlySpan<double> values) =>
        _observer?.Observe(site, layer, values);

    /// <summary>y = W x, each output summed left to right as Python's sum() does.</summary>
    private static void Linear(Matrix w, ReadOnlySpan<double> x, Span<double> y)
    {
        var data = w.Data;
        var cols = w.Cols;
        for (var r = 0; r < w.Rows; r++)
        {
            var row = data.AsSpan(r * cols, cols);
            var sum = 0.0;
            for (var i = 0; i < cols; i++)
                sum += row[i] * x[i];
            y[r] = sum;
        }
    }

    /// <summary>y = x * (mean(x^2) + 1e-5)^-0.5; <paramref name="y"/> may be <paramref name="x"/>.</summary>
    private static void RmsNorm(ReadOnlySpan<double> x, Span<double> y)
    {
        var ms = 0.0;
        for (var i = 0; i < x.Length; i++)
            ms += x[i] * x[i];
        ms /= x.Length;
        var scale = Math.Pow(ms + RmsEpsilon, -0.5);
        for (var i = 0; i < x.Length; i++)
            y[i] = x[i] * scale;
    }

    /// <summary>exp(x - max) / sum, as microGPT's softmax.</summary>
    private static void Softmax(ReadOnlySpan<double> x, Span<double> y)
    {
        var max = double.NegativeInfinity;
        foreach (var v in x)
            max = Math.Max(max, v);
        var total = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            y[i] = Math.Exp(x[i] - max);
            total += y[i];
        }
        for (var i = 0; i < x.Length; i++)
            y[i] /= total;
    }
}
