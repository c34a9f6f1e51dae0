using HwGen.Model;

namespace HwGen.Training;

/// <summary>
/// The microGPT forward pass over a whole document with every activation kept, and its analytic
/// backward pass over whole vectors and matrices. One instance owns the activation buffers for a
/// model shape and is reused for every document (not thread-safe).
/// <para>Forward, per position t (y = W x, W is [out, in]):
/// x = rmsnorm(wte[tok] + wpe[t]); per layer: a = rmsnorm(x); q, k, v = Wq a, Wk a, Wv a; causal
/// multi-head attention with scores scaled by 1/sqrt(head_dim); x += Wo attn; b = rmsnorm(x);
/// x += fc2 relu(fc1 b); logits = lm_head x. rmsnorm(x) = x (mean(x^2) + 1e-5)^-1/2.</para>
/// <para>Loss of a sequence of n+1 tokens: the mean over i &lt; n of -log softmax(logits_i)[tok_{i+1}].</para>
/// </summary>
public sealed class GptBackprop
{
    /// <summary>The epsilon inside rmsnorm's square root.</summary>
    public const double RmsEps = 1e-5;

    private readonly ModelConfig _c;
    private readonly int _e, _f, _v, _h, _hd, _tMax;
    private readonly double _attnScale;

    // Activations, [T, width] row-major. _x[l] is the residual stream entering layer l (_x[L] leaves the last).
    private readonly double[] _emb;      // wte[tok] + wpe[t], before the first rmsnorm
    private readonly double[] _embScale; // rmsnorm scale per position
    private readonly double[][] _x;
    private readonly double[][] _aScale, _a, _q, _k, _val, _p, _att, _mid, _bScale, _b, _fc1, _relu;
    private readonly double[] _probs;    // softmax of the logits, [T, V]

    // Gradient buffers.
    private readonly double[] _dx, _dMid, _dA, _dB, _dQ, _dK, _dV, _dAtt, _dRelu, _dEmb, _dLogits, _dp;

    public GptBackprop(ModelConfig config)
    {
        _c = config.Validated();
        _e = config.NEmbd;
        _f = config.MlpHidden;
        _v = config.VocabSize;
        _h = config.NHead;
        _hd = config.HeadDim;
        _tMax = config.BlockSize;
        _attnScale = 1.0 / Math.Sqrt(_hd);
        int te = _tMax * _e, tf = _tMax * _f, L = config.NLayer;
        double[][] Layers(int size) => Enumerable.Range(0, L).Select(_ => new double[size]).ToArray();
        _emb = new double[te];
        _embScale = new double[_tMax];
        _x = Enumerable.Range(0, L + 1).Select(_ => new double[te]).ToArray();
        _aScale = Layers(_tMax);
        _a = Layers(te);
        _q = Layers(te);
        _k = Layers(te);
        _val = Layers(te);
        _p = Layers(_h * _tMax * _tMax);
        _att = Layers(te);
        _mid = Layers(te);
        _bScale = Layers(_tMax);
        _b = Layers(te);
        _fc1 = Layers(tf);
        _relu = Layers(tf);
        _probs = new double[_tMax * _v];
        _dx = new double[te];
        _dMid = new double[te];
        _dA = new double[te];
        _dB = new double[te];
        _dQ = new double[te];
        _dK = new double[te];
        _dV = new double[te];
        _dAtt = new double[te];
        _dRelu = new double[tf];
        _dEmb = new double[te];
        _dLogits = new double[_v];
        _dp = new double[_tMax];
    }

    public ModelConfig Config => _c;

    /// <summary>The summed (not mean) negative log-likelihood of predicting tokens 1..n from the ones before.</summary>
    public double SumNll(ModelWeights w, ReadOnlySpan<int> tokens) => Forward(w, tokens);

    /// <summary>
    /// The mean loss of <paramref name="tokens"/> (2 .. block_size+1 tokens); adds
    /// <paramref name="gradScale"/> times its gradient to <paramref name="grad"/>, tensor by tensor.
    /// </summary>
    public double LossAndGradient(ModelWeights w, ReadOnlySpan<int> tokens, ModelWeights grad, double gradScale)
    {
        var n = tokens.Length - 1;
        var loss = Forward(w, tokens) / n;
        Backward(w, tokens, grad, gradScale / n);
        return loss;
    }

    private void CheckTokens(ReadOnlySpan<int> tokens)
    {
        if (tokens.Length < 2 || tokens.Length > _tMax + 1)
            throw new ArgumentException($"a sequence needs 2..{_tMax + 1} tokens, got {tokens.Length}", nameof(tokens));
        foreach (var t in tokens)
        {
            if ((uint)t >= (uint)_v)
                throw new ArgumentException($"token {t} is outside the vocabulary 0..{_v - 1}", nameof(tokens));
        }
    }

    private double Forward(ModelWeights w, ReadOnlySpan<int> tokens)
    {
        CheckTokens(tokens);
        var n = tokens.Length - 1;
        int e = _e, f = _f;
        for (var t = 0; t < n; t++)
        {
            var emb = _emb.AsSpan(t * e, e);
            var wte = w.Wte.Row(tokens[t]);
            var wpe = w.Wpe.Row(t);
            for (var i = 0; i < e; i++)
                emb[i] = wte[i] + wpe[i];
            _embScale[t] = RmsNorm(emb, _x[0].AsSpan(t * e, e));
        }
        for (var l = 0; l < _c.NLayer; l++)
        {
            var lw = w.Layers[l];
            double[] x = _x[l], a = _a[l], q = _q[l], k = _k[l], v = _val[l], att = _att[l], mid = _mid[l], b = _b[l];
            for (var t = 0; t < n; t++)
            {
                var at = a.AsSpan(t * e, e);
                _aScale[l][t] = RmsNorm(x.AsSpan(t * e, e), at);
                MatVec(lw.AttnWq, at, q.AsSpan(t * e, e));
                MatVec(lw.AttnWk, at, k.AsSpan(t * e, e));
                MatVec(lw.AttnWv, at, v.AsSpan(t * e, e));
            }
            AttentionForward(n, q, k, v, _p[l], att);
            for (var t = 0; t < n; t++)
            {
                var midT = mid.AsSpan(t * e, e);
                MatVec(lw.AttnWo, att.AsSpan(t * e, e), midT);
                var xt = x.AsSpan(t * e, e);
                for (var i = 0; i < e; i++)
                    midT[i] += xt[i];
                var bt = b.AsSpan(t * e, e);
                _bScale[l][t] = RmsNorm(midT, bt);
                var h = _fc1[l].AsSpan(t * f, f);
                var r = _relu[l].AsSpan(t * f, f);
                MatVec(lw.MlpFc1, bt, h);
                for (var i = 0; i < f; i++)
                    r[i] = h[i] > 0 ? h[i] : 0;
                var outT = _x[l + 1].AsSpan(t * e, e);
                MatVec(lw.MlpFc2, r, outT);
                for (var i = 0; i < e; i++)
                    outT[i] += midT[i];
            }
        }
        var nll = 0.0;
        var last = _x[_c.NLayer];
        for (var t = 0; t < n; t++)
        {
            var probs = _probs.AsSpan(t * _v, _v);
            MatVec(w.LmHead, last.AsSpan(t * e, e), probs);
            nll += SoftmaxInPlace(probs, tokens[t + 1]);
        }
        return nll;
    }

    private void AttentionForward(int n, double[] q, double[] k, double[] v, double[] p, double[] att)
    {
        int e = _e, hd = _hd;
        for (var head = 0; head < _h; head++)
        {
            var off = head * hd;
            for (var t = 0; t < n; t++)
            {
                var qt = q.AsSpan(t * e + off, hd);
                var pt = p.AsSpan((head * _tMax + t) * _tMax, t + 1);
                for (var j = 0; j <= t; j++)
                    pt[j] = Dot(qt, k.AsSpan(j * e + off, hd)) * _attnScale;
                SoftmaxInPlace(pt, -1);
                var ot = att.AsSpan(t * e + off, hd);
                ot.Clear();
                for (var j = 0; j <= t; j++)
                    Axpy(pt[j], v.AsSpan(j * e + off, hd), ot);
            }
        }
    }

    private void Backward(ModelWeights w, ReadOnlySpan<int> tokens, ModelWeights grad, double scale)
    {
        var n = tokens.Length - 1;
        int e = _e, f = _f;
        var last = _x[_c.NLayer];
        // dL/dx of the residual stream leaving the last layer.
        var dx = _dx.AsSpan(0, n * e);
        dx.Clear();
        for (var t = 0; t < n; t++)
        {
            var probs = _probs.AsSpan(t * _v, _v);
            for (var i = 0; i < _v; i++)
                _dLogits[i] = probs[i] * scale;
            _dLogits[tokens[t + 1]] -= scale;
            OuterAdd(grad.LmHead, _dLogits, last.AsSpan(t * e, e));
            MatTVecAdd(w.LmHead, _dLogits, dx.Slice(t * e, e));
        }
        for (var l = _c.NLayer - 1; l >= 0; l--)
        {
            var lw = w.Layers[l];
            var lg = grad.Layers[l];
            // MLP: out = mid + fc2 relu(fc1 rmsnorm(mid)); dx is dL/d(out).
            var dMid = _dMid.AsSpan(0, n * e);
            dx.CopyTo(dMid);
            for (var t = 0; t < n; t++)
            {
                var dOut = dx.Slice(t * e, e);
                var dRelu = _dRelu.AsSpan(0, f);
                OuterAdd(lg.MlpFc2, dOut, _relu[l].AsSpan(t * f, f));
                dRelu.Clear();
                MatTVecAdd(lw.MlpFc2, dOut, dRelu);
                var pre = _fc1[l].AsSpan(t * f, f);
                for (var i = 0; i < f; i++)
                {
                    if (pre[i] <= 0)
                        dRelu[i] = 0;
                }
                var bt = _b[l].AsSpan(t * e, e);
                OuterAdd(lg.MlpFc1, dRelu, bt);
                var db = _dB.AsSpan(0, e);
                db.Clear();
                MatTVecAdd(lw.MlpFc1, dRelu, db);
                RmsNormBackward(_mid[l].AsSpan(t * e, e), _bScale[l][t], db, dMid.Slice(t * e, e));
            }
            // Attention: mid = x + Wo attn(q, k, v), q/k/v = W rmsnorm(x).
            dMid.CopyTo(dx); // residual path; dx now accumulates dL/dx entering the layer
            var dAtt = _dAtt.AsSpan(0, n * e);
            dAtt.Clear();
            for (var t = 0; t < n; t++)
            {
                OuterAdd(lg.AttnWo, dMid.Slice(t * e, e), _att[l].AsSpan(t * e, e));
                MatTVecAdd(lw.AttnWo, dMid.Slice(t * e, e), dAtt.Slice(t * e, e));
            }
            AttentionBackward(n, l);
            for (var t = 0; t < n; t++)
            {
                var at = _a[l].AsSpan(t * e, e);
                var dq = _dQ.AsSpan(t * e, e);
                var dk = _dK.AsSpan(t * e, e);
                var dv = _dV.AsSpan(t * e, e);
                OuterAdd(lg.AttnWq, dq, at);
                OuterAdd(lg.AttnWk, dk, at);
                OuterAdd(lg.AttnWv, dv, at);
                var da = _dA.AsSpan(0, e);
                da.Clear();
                MatTVecAdd(lw.AttnWq, dq, da);
                MatTVecAdd(lw.AttnWk, dk, da);
                MatTVecAdd(lw.AttnWv, dv, da);
                RmsNormBackward(_x[l].AsSpan(t * e, e), _aScale[l][t], da, dx.Slice(t * e, e));
            }
        }
        // Embeddings: x0 = rmsnorm(wte[tok] + wpe[t]).
        for (var t = 0; t < n; t++)
        {
            var dEmb = _dEmb.AsSpan(0, e);
            dEmb.Clear();
            RmsNormBackward(_emb.AsSpan(t * e, e), _embScale[t], dx.Slice(t * e, e), dEmb);
            var gte = grad.Wte.Data.AsSpan(tokens[t] * e, e);
            var gpe = grad.Wpe.Data.AsSpan(t * e, e);
            for (var i = 0; i < e; i++)
            {
                gte[i] += dEmb[i];
                gpe[i] += dEmb[i];
            }
        }
    }

    private void AttentionBackward(int n, int l)
    {
        int e = _e, hd = _hd;
        double[] q = _q[l], k = _k[l], v = _val[l], p = _p[l];
        _dQ.AsSpan(0, n * e).Clear();
        _dK.AsSpan(0, n * e).Clear();
        _dV.AsSpan(0, n * e).Clear();
        for (var head = 0; head < _h; head++)
        {
            var off = head * hd;
            for (var t = 0; t < n; t++)
            {
                var pt = p.AsSpan((head * _tMax + t) * _tMax, t + 1);
                var dOut = _dAtt.AsSpan(t * e + off, hd);
                var dp = _dp.AsSpan(0, t + 1);
                var weighted = 0.0;
                for (var j = 0; j <= t; j++)
                {
                    dp[j] = Dot(dOut, v.AsSpan(j * e + off, hd));
                    weighted += pt[j] * dp[j];
                    Axpy(pt[j], dOut, _dV.AsSpan(j * e + off, hd));
                }
                var dq = _dQ.AsSpan(t * e + off, hd);
                var qt = q.AsSpan(t * e + off, hd);
                for (var j = 0; j <= t; j++)
                {
                    var dScore = pt[j] * (dp[j] - weighted) * _attnScale;
                    Axpy(dScore, k.AsSpan(j * e + off, hd), dq);
                    Axpy(dScore, qt, _dK.AsSpan(j * e + off, hd));
                }
            }
        }
    }

    /// <summary>y = x s with s = (mean(x^2) + eps)^-1/2; returns s.</summary>
    private static double RmsNorm(ReadOnlySpan<double> x, Span<double> y)
    {
        var sum = 0.0;
        foreach (var xi in x)
            sum += xi * xi;
        var s = 1.0 / Math.Sqrt(sum / x.Length + RmsEps);
        for (var i = 0; i < x.Length; i++)
            y[i] = x[i] * s;
        return s;
    }

    /// <summary>dx += s dy - (s^3 / n) (dy . x) x, the gradient of y = rmsnorm(x).</summary>
    private static void RmsNormBackward(ReadOnlySpan<double> x, double s, ReadOnlySpan<double> dy, Span<double> dx)
    {
        var c = s * s * s * Dot(dy, x) / x.Length;
        for (var i = 0; i < x.Length; i++)
            dx[i] += s * dy[i] - c * x[i];
    }

    /// <summary>Softmax in place; returns -log p[target] (0 when target is -1).</summary>
    private static double SoftmaxInPlace(Span<double> z, int target)
    {
        var max = double.NegativeInfinity;
        foreach (var zi in z)
            max = Math.Max(max, zi);
        var targetShifted = target >= 0 ? z[target] - max : 0;
        var sum = 0.0;
        for (var i = 0; i < z.Length; i++)
        {
            z[i] = PortableMath.Exp(z[i] - max);
            sum += z[i];
        }
        var inv = 1.0 / sum;
        for (var i = 0; i < z.Length; i++)
            z[i] *= inv;
        return target >= 0 ? PortableMath.Log(sum) - targetShifted : 0;
    }

    private static void MatVec(Matrix w, ReadOnlySpan<double> x, Span<double> y)
    {
        var data = w.Data.AsSpan();
        var cols = w.Cols;
        for (var o = 0; o < w.Rows; o++)
            y[o] = Dot(data.Slice(o * cols, cols), x);
    }

    /// <summary>dx += W^T dy.</summary>
    private static void MatTVecAdd(Matrix w, ReadOnlySpan<double> dy, Span<double> dx)
    {
        var data = w.Data.AsSpan();
        var cols = w.Cols;
        for (var o = 0; o < w.Rows; o++)
        {
            var g = dy[o];
            if (g != 0)
                Axpy(g, data.Slice(o * cols, cols), dx);
        }
    }

    /// <summary>dW += dy x^T.</summary>
    private static void OuterAdd(Matrix dw, ReadOnlySpan<double> dy, ReadOnlySpan<double> x)
    {
        var data = dw.Data.AsSpan();
        var cols = dw.Cols;
        for (var o = 0; o < dw.Rows; o++)
        {
            var g = dy[o];
            if (g != 0)
                Axpy(g, x, data.Slice(o * cols, cols));
        }
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
            sum += a[i] * b[i];
        return sum;
    }

    /// <summary>y += alpha x.</summary>
    private static void Axpy(double alpha, ReadOnlySpan<double> x, Span<double> y)
    {
        for (var i = 0; i < x.Length; i++)
            y[i] += alpha * x[i];
    }
}
