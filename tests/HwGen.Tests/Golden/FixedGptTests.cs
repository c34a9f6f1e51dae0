using HwGen.Golden;
using HwGen.Numerics;
using HwGen.Reference;

namespace HwGen.Tests.Golden;

public class FixedGptTests
{
    /// <summary>Keeps a copy of every site's codes of one step.</summary>
    private sealed class Recorder : IFixedObserver
    {
        public Dictionary<(ActivationSite, int), (QFormat Format, int[] Codes)> Seen { get; } = [];

        public void Observe(ActivationSite site, int layer, QFormat format, ReadOnlySpan<int> codes) =>
            Seen[(site, layer)] = (format, codes.ToArray());
    }

    private static double RoundHalfEven(double v) => Math.Round(v, MidpointRounding.ToEven);

    [Test]
    public void EverySiteIsObservedWithItsShape()
    {
        var rec = new Recorder();
        var model = new FixedGpt(TalosPlans.Auto, rec);
        model.StepCodes(26);
        model.StepCodes(0);
        model.StepCodes(13);
        Assert.That(rec.Seen, Has.Count.EqualTo(16));
        Assert.That(rec.Seen[(ActivationSite.AttnScores, 0)].Codes, Has.Length.EqualTo(4 * 3));
        Assert.That(rec.Seen[(ActivationSite.MlpHidden, 0)].Codes, Has.Length.EqualTo(64));
        Assert.That(rec.Seen[(ActivationSite.Logits, -1)].Codes, Has.Length.EqualTo(27));
    }

    /// <summary>The count the compact core's fc2 cycles follow: each layer's nonzero hidden codes, as observed.</summary>
    [Test]
    public void HiddenNonzeroCountsTheNonzeroHiddenCodesOfEachLayer()
    {
        foreach (var plan in new[] { TalosPlans.Auto, Rtl.RtlTestModels.Wide2 })
        {
            var rec = new Recorder();
            var model = new FixedGpt(plan, rec);
            var counts = new List<int>();
            var c = plan.Config;
            foreach (var token in new[] { c.Bos, 0, 13, 4, 18, 1, 7 })
            {
                model.StepCodes(token);
                Assert.That(model.HiddenNonzero, Has.Count.EqualTo(c.NLayer));
                for (var l = 0; l < c.NLayer; l++)
                {
                    var observed = rec.Seen[(ActivationSite.MlpHidden, l)].Codes.Count(v => v != 0);
                    Assert.That(model.HiddenNonzero[l], Is.EqualTo(observed), $"{c} position {model.Position - 1} layer {l}");
                    counts.Add(observed);
                }
            }
            // ReLU zeroes most hidden units, and not the same number at every step.
            Assert.That(counts.Max(), Is.LessThan(c.MlpHidden), c.ToString());
            Assert.That(counts.Distinct().Count(), Is.GreaterThan(1), c.ToString());
        }
    }

    [Test]
    public void TheSamplerRecordsEachStepsHiddenCounts()
    {
        var plan = TalosPlans.Auto;
        var sample = new FixedSampler(new FixedGpt(plan)).Generate(42, 256, false, recordLogits: true);
        var replay = new FixedGpt(plan);
        var tokens = new[] { plan.Config.Bos }.Concat(sample.Tokens).Take(sample.Steps).ToArray();
        Assert.That(sample.HiddenNonzero, Has.Count.EqualTo(sample.Steps));
        for (var k = 0; k < sample.Steps; k++)
        {
            replay.StepCodes(tokens[k]);
            Assert.That(sample.HiddenNonzero![k], Is.EqualTo(replay.HiddenNonzero.ToArray()), $"step {k}");
        }
        Assert.That(new FixedSampler(new FixedGpt(plan)).Generate(42, 256, false).HiddenNonzero, Is.Null);
    }

    [Test]
    public void LinearSitesAreTheExactDotProductRoundedHalfToEven()
    {
        // An independent evaluation of docs/numerics.md 3.1 in double (the sums are exact below 2^53).
        var rec = new Recorder();
        var plan = TalosPlans.Auto;
        var model = new FixedGpt(plan, rec);
        foreach (var t in new[] { 26, 4, 12, 12, 0 })
            model.StepCodes(t);
        void Check(string tensor, ActivationSite input, int inLayer, ActivationSite output, int outLayer, bool relu = false)
        {
            var w = plan.Tensor(tensor);
            var (xf, x) = rec.Seen[(input, inLayer)];
            var (yf, y) = rec.Seen[(output, outLayer)];
            for (var r = 0; r < w.Rows; r++)
            {
                double acc = 0;
                for (var c = 0; c < w.Cols; c++)
                    acc += (double)w.Codes[r * w.Cols + c] * x[c];
                if (relu)
                    acc = Math.Max(acc, 0);
                var expected = Math.Clamp(RoundHalfEven(Math.ScaleB(acc, -(w.Format.FracBits + xf.FracBits - yf.FracBits))), -32768, 32767);
                Assert.That(y[r], Is.EqualTo((int)expected), $"{tensor} row {r}");
            }
        }
        Check("layer0.attn_wq", ActivationSite.AttnNorm, 0, ActivationSite.Query, 0);
        Check("layer0.mlp_fc1", ActivationSite.MlpNorm, 0, ActivationSite.MlpHidden, 0, relu: true);
        Check("layer0.mlp_fc2", ActivationSite.MlpHidden, 0, ActivationSite.MlpOutput, 0);
        Check("lm_head", ActivationSite.MlpResidual, 0, ActivationSite.Logits, -1);
    }

    [Test]
    public void NormsAndSoftmaxAreWithinTwoCodesOfTheirRealValues()
    {
        var rec = new Recorder();
        var model = new FixedGpt(TalosPlans.Auto, rec);
        foreach (var t in new[] { 26, 14, 11, 8, 21, 8, 0 })
            model.StepCodes(t);
        // RmsNorm of the attention residual (docs/numerics.md 5.1).
        var (xf, x) = rec.Seen[(ActivationSite.AttnResidual, 0)];
        var (nf, n) = rec.Seen[(ActivationSite.MlpNorm, 0)];
        var xs = x.Select(c => xf.ToValue(c)).ToArray();
        var scale = 1 / Math.Sqrt(xs.Select(v => v * v).Average() + 1e-5);
        for (var i = 0; i < xs.Length; i++)
            Assert.That(n[i], Is.EqualTo(xs[i] * scale / nf.Resolution).Within(2.0), $"mlp_norm[{i}]");
        // Softmax of the observed scores, per head, at position 6.
        var (sf, s) = rec.Seen[(ActivationSite.AttnScores, 0)];
        var (af, a) = rec.Seen[(ActivationSite.AttnWeights, 0)];
        const int len = 7;
        for (var h = 0; h < 4; h++)
        {
            var scores = s.Skip(h * len).Take(len).Select(c => sf.ToValue(c)).ToArray();
            var e = scores.Select(v => Math.Exp(v - scores.Max())).ToArray();
            for (var t = 0; t < len; t++)
                Assert.That(a[h * len + t], Is.EqualTo(e[t] / e.Sum() / af.Resolution).Within(2.0), $"head {h} weight {t}");
        }
    }

    [Test]
    public void SaturationIsCountedPerSite()
    {
        var model = new FixedGpt(TalosPlans.Everywhere("Q2.14"));
        foreach (var t in new[] { 26, 4, 12, 12, 0 })
            model.StepCodes(t);
        var sat = model.Saturations();
        Assert.That(sat.Select(s => s.Site), Is.EqualTo(new[]
        {
            "embedding", "embedding_norm", "layer0.attn_norm", "layer0.query", "layer0.key", "layer0.value", "layer0.attn_scores",
            "layer0.attn_weights", "layer0.attn_output", "layer0.attn_projection", "layer0.attn_residual", "layer0.mlp_norm",
            "layer0.mlp_hidden", "layer0.mlp_output", "layer0.mlp_residual", "logits",
        }));
        // Q2.14 holds -2 .. 2: the norms (up to sqrt(16) = 4) and the logits must clip.
        Assert.That(sat.Single(s => s.Site == "embedding_norm").Events, Is.GreaterThan(0));
        Assert.That(sat.Single(s => s.Site == "logits").Events, Is.GreaterThan(0));
        Assert.That(model.TotalSaturations, Is.EqualTo(sat.Sum(s => s.Events)));
        model.ClearSaturations();
        Assert.That(model.TotalSaturations, Is.Zero);
    }

    [Test]
    public void TheSameTokensGiveTheSameCodesAfterReset()
    {
        var model = new FixedGpt(TalosPlans.Auto);
        var first = new[] { 26, 1, 2 }.Select(t => model.StepCodes(t).ToArray()).ToArray();
        model.Reset();
        var second = new[] { 26, 1, 2 }.Select(t => model.StepCodes(t).ToArray()).ToArray();
        Assert.That(second, Is.EqualTo(first));
        Assert.That(model.Step(5), Has.Length.EqualTo(27));
    }
}
