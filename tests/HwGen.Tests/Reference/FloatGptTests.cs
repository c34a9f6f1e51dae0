using HwGen.Model;
using HwGen.Reference;

namespace HwGen.Tests.Reference;

public class FloatGptTests
{
    private static readonly Lazy<ModelWeights> Talos = new(() => SafeTensors.Load(TestPaths.TalosModel));

    // The case and position counts are those of the shared golden files (shared/README.md).
    [TestCase("talos", 64, 585)]
    [TestCase("wide2", 25, 230)]
    public void MatchesTheGoldenLogits(string which, int cases, int positions)
    {
        var (model, goldenFile) = which == "talos" ? (TestPaths.TalosModel, TestPaths.TalosGolden) : (TestPaths.Wide2Model, TestPaths.Wide2Golden);
        var c = Evaluation.CompareGolden(new FloatGpt(SafeTensors.Load(model)), GoldenFile.Load(goldenFile), which);
        Assert.Multiple(() =>
        {
            Assert.That(c.Cases, Is.EqualTo(cases));
            Assert.That(c.Positions, Is.EqualTo(positions));
            Assert.That(c.MaxAbsError, Is.LessThanOrEqualTo(1e-9));
            Assert.That(c.Top1Agreement, Is.EqualTo(1.0));
        });
    }

    [Test]
    public void ResetStartsAgainAtPositionZero()
    {
        var golden = GoldenFile.Load(TestPaths.TalosGolden).Cases[0];
        var model = new FloatGpt(Talos.Value);
        model.Step(golden.Tokens[0]);
        model.Step(golden.Tokens[1]);
        model.Reset();
        Assert.That(model.Position, Is.Zero);
        var logits = model.Step(golden.Tokens[0]);
        Assert.That(logits, Is.EqualTo(golden.Logits[0]).Within(1e-12));
        Assert.That(model.Position, Is.EqualTo(1));
    }

    [Test]
    public void SteppingPastBlockSizeIsAnError()
    {
        var model = new FloatGpt(Talos.Value);
        for (var i = 0; i < 16; i++)
            model.Step(26);
        var e = Assert.Throws<InvalidOperationException>(() => model.Step(0));
        Assert.That(e!.Message, Is.EqualTo("the context is full: 16 tokens were fed (block_size); call Reset first"));
    }

    [TestCase(27)]
    [TestCase(-1)]
    public void TokenOutsideTheVocabularyIsAnError(int token)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FloatGpt(Talos.Value).Step(token));
    }

    [Test]
    public void ObserverSeesEverySiteInOrderWithItsLayout()
    {
        var w = Talos.Value;
        var observer = new Recorder();
        var model = new FloatGpt(w, observer);
        model.Step(26);
        observer.Seen.Clear();
        var logits = model.Step(4); // position 1
        var expectedOrder = new[]
        {
            ActivationSite.Embedding, ActivationSite.EmbeddingNorm, ActivationSite.AttnNorm,
            ActivationSite.Query, ActivationSite.Key, ActivationSite.Value,
            ActivationSite.AttnScores, ActivationSite.AttnWeights, ActivationSite.AttnOutput,
            ActivationSite.AttnProjection, ActivationSite.AttnResidual, ActivationSite.MlpNorm,
            ActivationSite.MlpHidden, ActivationSite.MlpOutput, ActivationSite.MlpResidual, ActivationSite.Logits,
        };
        Assert.That(observer.Seen.Select(s => s.Site), Is.EqualTo(expectedOrder));
        Assert.That(observer.Seen.Select(s => s.Layer), Is.EqualTo(new[] { -1, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1 }));
        var byName = observer.Seen.ToDictionary(s => s.Site, s => s.Values);

        var embedding = Enumerable.Range(0, 16).Select(i => w.Wte[4, i] + w.Wpe[1, i]).ToArray();
        Assert.That(byName[ActivationSite.Embedding], Is.EqualTo(embedding));
        Assert.That(byName[ActivationSite.AttnScores], Has.Length.EqualTo(4 * 2));
        var weights = byName[ActivationSite.AttnWeights];
        for (var h = 0; h < 4; h++)
            Assert.That(weights[2 * h] + weights[2 * h + 1], Is.EqualTo(1.0).Within(1e-15), $"head {h}");
        Assert.That(byName[ActivationSite.MlpHidden], Has.Length.EqualTo(64).And.All.GreaterThanOrEqualTo(0.0));
        Assert.That(byName[ActivationSite.Logits], Is.EqualTo(logits));
        var residual = byName[ActivationSite.AttnResidual].Zip(byName[ActivationSite.MlpOutput], (a, b) => a + b);
        Assert.That(byName[ActivationSite.MlpResidual], Is.EqualTo(residual));
    }

    private sealed class Recorder : IActivationObserver
    {
        public List<(ActivationSite Site, int Layer, double[] Values)> Seen { get; } = [];

        public void Observe(ActivationSite site, int layer, ReadOnlySpan<double> values) =>
            Seen.Add((site, layer, values.ToArray()));
    }
}
