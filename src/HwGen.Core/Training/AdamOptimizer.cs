using HwGen.Model;

namespace HwGen.Training;

/// <summary>
/// Adam as microGPT steps it: m = b1 m + (1-b1) g; v = b2 v + (1-b2) g^2;
/// p -= lr (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps), with t = 1, 2, ...
/// </summary>
public sealed class AdamOptimizer
{
    private readonly double _beta1, _beta2, _eps;
    private readonly double[][] _m, _v;
    private double _beta1Power = 1, _beta2Power = 1;

    public AdamOptimizer(ModelConfig config, double beta1, double beta2, double eps)
    {
        (_beta1, _beta2, _eps) = (beta1, beta2, eps);
        var shapes = config.TensorShapes();
        _m = shapes.Select(s => new double[s.Rows * s.Cols]).ToArray();
        _v = shapes.Select(s => new double[s.Rows * s.Cols]).ToArray();
    }

    /// <summary>Number of steps taken.</summary>
    public int Steps { get; private set; }

    /// <summary>Updates every tensor of <paramref name="weights"/> from the same tensor of <paramref name="grad"/>.</summary>
    public void Step(ModelWeights weights, ModelWeights grad, double learningRate)
    {
        Steps++;
        // b^t as a running product: exact IEEE multiplications, the same on every platform.
        _beta1Power *= _beta1;
        _beta2Power *= _beta2;
        double c1 = 1 - _beta1Power, c2 = 1 - _beta2Power;
        var shapes = weights.Config.TensorShapes();
        for (var n = 0; n < shapes.Count; n++)
        {
            var p = weights.Tensors[shapes[n].Name].Data;
            var g = grad.Tensors[shapes[n].Name].Data;
            double[] m = _m[n], v = _v[n];
            for (var i = 0; i < p.Length; i++)
            {
                m[i] = _beta1 * m[i] + (1 - _beta1) * g[i];
                v[i] = _beta2 * v[i] + (1 - _beta2) * g[i] * g[i];
                var mHat = m[i] / c1;
                var vHat = v[i] / c2;
                p[i] -= learningRate * mHat / (Math.Sqrt(vHat) + _eps);
            }
        }
    }
}
