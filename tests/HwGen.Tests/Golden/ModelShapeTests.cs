using HwGen.Golden;
using HwGen.Model;
using HwGen.Quantization;
using HwGen.Reference;

namespace HwGen.Tests.Golden;

/// <summary>Nothing is hard-wired to one shape: n_embd 24 (sum of squares over a non-power of two), head_dim 6 (a constant score scale).</summary>
public class ModelShapeTests
{
    [Test]
    public void AnNEmbd24ModelFollowsTheFloatModel()
    {
        var config = new ModelConfig(2, 24, 4, 8, 11, 10);
        var weights = ModelWeights.Zeros(config);
        var rng = new Random(5);
        foreach (var m in weights.Tensors.Values)
        {
            for (var i = 0; i < m.Data.Length; i++)
                m.Data[i] = (rng.NextDouble() - 0.5) * 0.6;
        }
        var docs = Enumerable.Range(0, 200).Select(_ => new[] { 10 }.Concat(Enumerable.Range(0, rng.Next(1, 9)).Select(_ => rng.Next(10))).Append(10).ToArray()).ToArray();
        var plan = PlanBuilder.Auto(weights, Calibration.Measure(weights, docs), "random");
        Assert.That(plan.ScoreShift, Is.Null);
        Assert.That(plan.ScoreScale, Is.EqualTo(26755)); // round(65536 / sqrt(6))
        Assert.That(plan.RmsScale, Is.EqualTo(5136952)); // round(sqrt(24) * 2^20)
        var fixedModel = new FixedGpt(plan);
        var floatModel = new FloatGpt(weights);
        var worst = 0.0;
        foreach (var doc in docs.Take(50))
        {
            fixedModel.Reset();
            floatModel.Reset();
            for (var p = 0; p < Math.Min(config.BlockSize, doc.Length - 1); p++)
            {
                var a = fixedModel.Step(doc[p]);
                var b = floatModel.Step(doc[p]);
                worst = Math.Max(worst, a.Zip(b, (x, y) => Math.Abs(x - y)).Max());
            }
        }
        Assert.That(worst, Is.LessThan(0.02));
        Assert.That(fixedModel.TotalSaturations, Is.Zero);
    }
}
