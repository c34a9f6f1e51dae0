using HwGen.Model;
using HwGen.Training;

namespace HwGen.Tests.Training;

/// <summary>The analytic gradient of every tensor against central finite differences on a tiny model.</summary>
public class GradientCheckTests
{
    private static readonly ModelConfig Tiny = new(NLayer: 2, NEmbd: 8, NHead: 2, BlockSize: 8, VocabSize: 5, Bos: 4);

    // A full-length sequence (cut at block_size + 1) and two shorter ones, so every position and
    // the batch average are exercised.
    private static readonly int[][] Sequences =
    [
        [4, 0, 1, 2, 3, 3, 2, 1, 0],
        [4, 2, 2, 4],
        [4, 1, 4],
    ];

    private const double Step = 1e-5;
    private const double Tolerance = 1e-6;
    private const int SamplesPerTensor = 12;

    private static ModelWeights TinyModel() => Trainer.Initialize(Tiny, new TrainingRandom(7), 0.5);

    /// <summary>Mean over <see cref="Sequences"/> of each sequence's mean loss; its gradient into <paramref name="grad"/>.</summary>
    private static double BatchLoss(ModelWeights w, ModelWeights? grad)
    {
        var engine = new GptBackprop(Tiny);
        grad ??= ModelWeights.Zeros(Tiny);
        return Sequences.Sum(s => engine.LossAndGradient(w, s, grad, 1.0 / Sequences.Length)) / Sequences.Length;
    }

    /// <summary>
    /// The largest relative error |analytic - numeric| / max(|analytic|, |numeric|, 1e-8) over a
    /// seeded sample of entries of each tensor, with where it occurred.
    /// </summary>
    private static IReadOnlyList<(string Tensor, int Index, double Analytic, double Numeric, double Error)> Check(ModelWeights w, ModelWeights grad)
    {
        var pick = new TrainingRandom(99);
        var worst = new List<(string, int, double, double, double)>();
        foreach (var (name, rows, cols) in Tiny.TensorShapes())
        {
            var data = w.Tensors[name].Data;
            (string, int, double, double, double) max = (name, -1, 0, 0, -1);
            for (var s = 0; s < SamplesPerTensor; s++)
            {
                var index = pick.NextBelow(rows * cols);
                var saved = data[index];
                data[index] = saved + Step;
                var plus = BatchLoss(w, null);
                data[index] = saved - Step;
                var minus = BatchLoss(w, null);
                data[index] = saved;
                var numeric = (plus - minus) / (2 * Step);
                var analytic = grad.Tensors[name].Data[index];
                var error = Math.Abs(analytic - numeric) / Math.Max(Math.Max(Math.Abs(analytic), Math.Abs(numeric)), 1e-8);
                if (error > max.Item5)
                    max = (name, index, analytic, numeric, error);
            }
            worst.Add(max);
        }
        return worst;
    }

    [Test]
    public void EveryTensorsGradientMatchesFiniteDifferences()
    {
        var w = TinyModel();
        var grad = ModelWeights.Zeros(Tiny);
        BatchLoss(w, grad);
        var results = Check(w, grad);
        Assert.That(results.Select(r => r.Tensor), Is.EquivalentTo(Tiny.TensorShapes().Select(t => t.Name)));
        foreach (var r in results)
        {
            TestContext.Out.WriteLine($"{r.Tensor}[{r.Index}]: analytic {r.Analytic:E6}, numeric {r.Numeric:E6}, relative error {r.Error:E2}");
            Assert.That(r.Error, Is.LessThan(Tolerance), $"{r.Tensor}[{r.Index}]: analytic {r.Analytic:R}, numeric {r.Numeric:R}");
            Assert.That(Math.Abs(r.Analytic), Is.GreaterThan(1e-6), $"{r.Tensor}: sampled gradients are too small to test anything");
        }
    }

    [TestCase("layer1.attn_wq", 2.0)] // a missing 1/sqrt(head_dim) in the backward pass of the scores
    [TestCase("layer0.attn_wk", 1.0001)]
    [TestCase("wpe", 0.9999)]
    public void TheCheckCatchesAWrongGradient(string tensor, double factor)
    {
        var w = TinyModel();
        var grad = ModelWeights.Zeros(Tiny);
        BatchLoss(w, grad);
        var data = grad.Tensors[tensor].Data;
        for (var i = 0; i < data.Length; i++)
            data[i] *= factor;
        var failing = Check(w, grad).Where(r => r.Error >= Tolerance).Select(r => r.Tensor);
        Assert.That(failing, Is.EqualTo(new[] { tensor }));
    }
}
