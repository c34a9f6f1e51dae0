using HwGen.Model;

namespace HwGen.Tests.Training;

/// <summary>
/// microGPT's gpt() written out the plain way, for tests only: one position at a time with a KV
/// cache, lists of arrays, Math.Exp/Math.Log. Independent of the trainer's code.
/// </summary>
internal sealed class NaiveMicroGpt(ModelWeights w)
{
    private readonly ModelConfig _c = w.Config;

    /// <summary>Summed -log p(tok[i+1] | tok[0..i]) over the sequence.</summary>
    public double SumNll(IReadOnlyList<int> tokens)
    {
        var keys = Enumerable.Range(0, _c.NLayer).Select(_ => new List<double[]>()).ToArray();
        var values = Enumerable.Range(0, _c.NLayer).Select(_ => new List<double[]>()).ToArray();
        var nll = 0.0;
        for (var pos = 0; pos + 1 < tokens.Count; pos++)
        {
            var logits = Gpt(tokens[pos], pos, keys, values);
            var max = logits.Max();
            var sum = logits.Sum(l => Math.Exp(l - max));
            nll += -(logits[tokens[pos + 1]] - max - Math.Log(sum));
        }
        return nll;
    }

    private double[] Gpt(int token, int pos, List<double[]>[] keys, List<double[]>[] values)
    {
        var x = new double[_c.NEmbd];
        for (var i = 0; i < x.Length; i++)
            x[i] = w.Wte[token, i] + w.Wpe[pos, i];
        x = RmsNorm(x);
        for (var l = 0; l < _c.NLayer; l++)
        {
            var lw = w.Layers[l];
            var residual = x;
            var a = RmsNorm(x);
            var q = Linear(a, lw.AttnWq);
            keys[l].Add(Linear(a, lw.AttnWk));
            values[l].Add(Linear(a, lw.AttnWv));
            var attn = new double[_c.NEmbd];
            for (var h = 0; h < _c.NHead; h++)
            {
                var hs = h * _c.HeadDim;
                var scores = new double[keys[l].Count];
                for (var t = 0; t < scores.Length; t++)
                {
                    for (var j = 0; j < _c.HeadDim; j++)
                        scores[t] += q[hs + j] * keys[l][t][hs + j];
                    scores[t] /= Math.Sqrt(_c.HeadDim);
                }
                var max = scores.Max();
                var exps = scores.Select(s => Math.Exp(s - max)).ToArray();
                var total = exps.Sum();
                for (var j = 0; j < _c.HeadDim; j++)
                {
                    for (var t = 0; t < exps.Length; t++)
                        attn[hs + j] += exps[t] / total * values[l][t][hs + j];
                }
            }
            x = Linear(attn, lw.AttnWo).Zip(residual, (p, r) => p + r).ToArray();
            residual = x;
            var hidden = Linear(RmsNorm(x), lw.MlpFc1).Select(v => Math.Max(0, v)).ToArray();
            x = Linear(hidden, lw.MlpFc2).Zip(residual, (p, r) => p + r).ToArray();
        }
        return Linear(x, w.LmHead);
    }

    private static double[] Linear(double[] x, Matrix m)
    {
        var y = new double[m.Rows];
        for (var o = 0; o < m.Rows; o++)
        {
            for (var i = 0; i < m.Cols; i++)
                y[o] += m[o, i] * x[i];
        }
        return y;
    }

    private static double[] RmsNorm(double[] x)
    {
        var ms = x.Sum(v => v * v) / x.Length;
        var scale = Math.Pow(ms + 1e-5, -0.5);
        return x.Select(v => v * scale).ToArray();
    }
}
