using HwGen.Model;
using HwGen.Training;

namespace HwGen.Tests.Training;

public class TalosLossTests
{
    /// <summary>shared/README.md: the TALOS model's mean NLL over names.txt in float64.</summary>
    private const double TalosNll = 2.3656;

    [Test]
    public void TrainerForwardLossMatchesAnIndependentComputationAndThePublishedNll()
    {
        var model = SafeTensors.Load(TestPaths.TalosModel);
        var corpus = TrainingCorpus.Load(TestPaths.NamesCorpus);
        var engine = new GptBackprop(model.Config);
        var naive = new NaiveMicroGpt(model);
        double trainerTotal = 0, naiveTotal = 0;
        long predictions = 0;
        for (var d = 0; d < corpus.Documents.Count; d++)
        {
            var sequence = corpus.Sequence(d, model.Config.BlockSize);
            var trainer = engine.SumNll(model, sequence);
            var reference = naive.SumNll(sequence);
            if (Math.Abs(trainer - reference) > 1e-9 * Math.Max(1, Math.Abs(reference)))
                Assert.Fail($"document {d} \"{corpus.Documents[d]}\": trainer NLL {trainer:R}, independent {reference:R}");
            trainerTotal += trainer;
            naiveTotal += reference;
            predictions += sequence.Length - 1;
        }
        Assert.Multiple(() =>
        {
            Assert.That(naiveTotal / predictions, Is.EqualTo(TalosNll).Within(5e-5));
            Assert.That(trainerTotal / predictions, Is.EqualTo(TalosNll).Within(5e-5));
            Assert.That(CorpusNll.Mean(model, corpus), Is.EqualTo(trainerTotal / predictions).Within(1e-12));
        });
    }

    [Test]
    public void ShippedModelReachesTheTargetNllOnNames()
    {
        var model = SafeTensors.Load(TestPaths.DefaultModel);
        Assert.That(model.Config, Is.EqualTo(ModelConfig.MicroGpt));
        var nll = CorpusNll.Mean(model, TrainingCorpus.Load(TestPaths.NamesCorpus));
        Assert.That(nll, Is.LessThanOrEqualTo(2.37));
    }
}
