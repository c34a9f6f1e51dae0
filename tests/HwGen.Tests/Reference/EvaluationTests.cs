using HwGen.Model;
using HwGen.Reference;

namespace HwGen.Tests.Reference;

public class EvaluationTests
{
    [Test]
    public void TalosNllOnNamesIsMicroGptsFigure()
    {
        var model = new FloatGpt(SafeTensors.Load(TestPaths.TalosModel));
        var corpus = TokenCorpus.Load(TestPaths.NamesCorpus, model.Config);
        var loss = Evaluation.MeanNll(model, corpus);

        var names = File.ReadAllLines(TestPaths.NamesCorpus).Where(l => l.Length > 0).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(loss.Documents, Is.EqualTo(names.Length));
            // Each name predicts its letters and the closing BOS, at most block_size (16) of them.
            Assert.That(loss.Tokens, Is.EqualTo(names.Sum(n => (long)Math.Min(16, n.Length + 1))));
            Assert.That(loss.MeanNll, Is.EqualTo(2.3656).Within(0.00005));
        });
    }

    [Test]
    public void GoldenComparisonFindsAPerturbedLogit()
    {
        var golden = GoldenFile.Load(TestPaths.TalosGolden);
        var rows = golden.Cases[2].Logits.Select(r => (double[])r.Clone()).ToArray();
        rows[3][5] += 0.25;
        var cases = golden.Cases.ToArray();
        cases[2] = cases[2] with { Logits = rows };
        var c = Evaluation.CompareGolden(new FloatGpt(SafeTensors.Load(TestPaths.TalosModel)), golden with { Cases = cases }, "talos");
        Assert.Multiple(() =>
        {
            Assert.That(c.MaxAbsError, Is.EqualTo(0.25).Within(1e-9));
            Assert.That((c.WorstCase, c.WorstPosition, c.WorstToken), Is.EqualTo((2, 3, 5)));
            Assert.That(c.MeanAbsError, Is.EqualTo(0.25 / (585 * 27)).Within(1e-9));
        });
    }

    [Test]
    public void NllIsLogSumExpMinusTheTargetLogit()
    {
        Assert.That(Evaluation.Nll([0.0, 0.0], 1), Is.EqualTo(Math.Log(2)).Within(1e-15));
        // softmax([ln 1, ln 3]) = [0.25, 0.75]
        Assert.That(Evaluation.Nll([0.0, Math.Log(3)], 0), Is.EqualTo(Math.Log(4)).Within(1e-15));
        Assert.That(Evaluation.Nll([1000.0, 0.0], 0), Is.EqualTo(0.0).Within(1e-15));
    }

    [Test]
    public void ArgMaxTakesTheLowestIndexOnTies()
    {
        Assert.That(Evaluation.ArgMax([1.0, 3.0, 3.0, 2.0]), Is.EqualTo(1));
        Assert.That(Evaluation.ArgMax([-1.0]), Is.Zero);
    }

    [Test]
    public void CorpusIsEncodedWithBosOnBothEndsAndBlankLinesSkipped()
    {
        var corpus = TokenCorpus.Encode(["ab", "", "  ", "z\r"], ModelConfig.MicroGpt, "c.txt");
        Assert.That(corpus.Documents, Is.EqualTo(new[] { new[] { 26, 0, 1, 26 }, new[] { 26, 25, 26 } }));
    }

    [Test]
    public void CharacterOutsideTheVocabularyNamesFileLineAndColumn()
    {
        var e = Assert.Throws<HwGenException>(() => TokenCorpus.Encode(["anna", "", "joé"], ModelConfig.MicroGpt, "c.txt"))!;
        Assert.That(e.Message, Is.EqualTo("c.txt line 3: character 'é' at column 3 is not in the model's vocabulary \"abcdefghijklmnopqrstuvwxyz\"."));
    }
}
