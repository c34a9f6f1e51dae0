using System.Security.Cryptography;
using HwGen.Model;
using HwGen.Training;

namespace HwGen.Tests.Training;

public class TrainerTests
{
    private static readonly TrainingCorpus Tiny = TrainingCorpus.FromLines(["abba", "baab", "cab", "abc", "ccba", "bac"], "tiny");
    private static readonly ModelConfig TinyShape = Tiny.ModelConfig(nLayer: 2, nEmbd: 8, nHead: 2, blockSize: 8);

    private static string TrainAndSave(long seed, string dir)
    {
        var result = Trainer.Train(Tiny, TinyShape, new TrainingOptions(Steps: 25, Seed: seed, BatchSize: 3));
        var path = Path.Combine(dir, $"seed{seed}-{Guid.NewGuid():N}.safetensors");
        SafeTensors.Save(result.Model, path);
        return Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
    }

    [Test]
    public void TheSameSeedGivesBitIdenticalFilesAndAnotherSeedDoesNot()
    {
        var dir = TestPaths.NewTempDir("train-determinism");
        var first = TrainAndSave(11, dir);
        var second = TrainAndSave(11, dir);
        var other = TrainAndSave(12, dir);
        Assert.Multiple(() =>
        {
            Assert.That(second, Is.EqualTo(first));
            Assert.That(other, Is.Not.EqualTo(first));
            Assert.That(Directory.GetFiles(dir, "*.tmp"), Is.Empty);
        });
    }

    [Test]
    public void SavedModelLoadsBackWithItsConfigAndExactWeights()
    {
        var result = Trainer.Train(Tiny, TinyShape, new TrainingOptions(Steps: 5, Seed: 1, BatchSize: 2));
        var path = Path.Combine(TestPaths.NewTempDir("train-save"), "m.safetensors");
        SafeTensors.Save(result.Model, path);
        var loaded = SafeTensors.Load(path);
        Assert.That(loaded.Config, Is.EqualTo(TinyShape));
        Assert.That(loaded.Config.Vocab, Is.EqualTo("abc"));
        foreach (var (name, _, _) in TinyShape.TensorShapes())
            Assert.That(loaded.Tensors[name].Data, Is.EqualTo(result.Model.Tensors[name].Data), name);
    }

    [Test]
    public void TrainingLowersTheLoss()
    {
        var untrained = Trainer.Initialize(TinyShape, new TrainingRandom(3), 0.08);
        var before = CorpusNll.Mean(untrained, Tiny);
        var result = Trainer.Train(Tiny, TinyShape, new TrainingOptions(Steps: 200, Seed: 3, BatchSize: 2));
        var after = CorpusNll.Mean(result.Model, Tiny);
        Assert.That(before, Is.EqualTo(Math.Log(4)).Within(0.05)); // near uniform over 4 tokens
        Assert.That(after, Is.LessThan(before - 0.3));
    }

    [Test]
    public void AdamFirstStepMovesEachWeightByTheLearningRateAgainstItsGradientSign()
    {
        var shape = new ModelConfig(1, 4, 2, 2, 3, 2);
        var weights = ModelWeights.Zeros(shape);
        var grad = ModelWeights.Zeros(shape);
        grad.Wte.Data[0] = 0.5;
        grad.Wte.Data[1] = -2e-3;
        new AdamOptimizer(shape, 0.85, 0.99, 1e-8).Step(weights, grad, 0.01);
        // m_hat = g, v_hat = g^2 after one step: p = -lr g / (|g| + eps).
        Assert.That(weights.Wte.Data[0], Is.EqualTo(-0.01 * 0.5 / (0.5 + 1e-8)).Within(1e-17));
        Assert.That(weights.Wte.Data[1], Is.EqualTo(0.01 * 2e-3 / (2e-3 + 1e-8)).Within(1e-17));
        Assert.That(weights.Wte.Data[2], Is.EqualTo(0.0));
    }

    [TestCase(0, 16, 0.01, "--steps is 0; give a positive number of optimizer steps.")]
    [TestCase(10, 0, 0.01, "--batch is 0; give a positive number of documents per step.")]
    [TestCase(10, 16, -1.0, "--lr is -1; give a positive finite learning rate such as 0.01.")]
    public void BadOptionsAreClearErrors(int steps, int batch, double lr, string message)
    {
        var e = Assert.Throws<HwGenException>(() => new TrainingOptions(Steps: steps, BatchSize: batch, LearningRate: lr).Validated());
        Assert.That(e!.Message, Is.EqualTo(message));
    }
}
