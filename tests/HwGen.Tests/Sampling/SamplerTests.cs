using HwGen.Model;
using HwGen.Reference;
using HwGen.Sampling;

namespace HwGen.Tests.Sampling;

public class SamplerTests
{
    // Tokens 0 and 1, BOS 2, block 6.
    private static readonly ModelConfig Tiny = new(1, 4, 1, 6, 3, 2, "ab");

    [Test]
    public void DrawsWithTheTemperatureAppliedFromTheSeededStream()
    {
        // logits / 0.5 = [0, ln 3, -inf] -> p = [0.25, 0.75, 0]. Seed 0 gives
        // u = 0.3166, 0.8757, 0.4833, 0.0059, 0.8992, 0.9748 -> 1, 1, 1, 0, 1, 1 (0 only when u < 0.25).
        var model = new ScriptedModel(Tiny, _ => [0.0, Math.Log(3) / 2, double.NegativeInfinity]);
        var sampler = new Sampler(model, new SamplingOptions(Temperature: 0.5, Seed: 0));
        Assert.That(sampler.Next(), Is.EqualTo(new[] { 1, 1, 1, 0, 1, 1 }));
        Assert.That(model.Fed, Is.EqualTo(new[] { 2, 1, 1, 1, 0, 1 }), "starts at BOS, feeds block_size tokens");
    }

    [Test]
    public void GreedyStopsAtBosAndBreaksTiesTowardTheLowestToken()
    {
        var model = new ScriptedModel(Tiny, pos => pos switch
        {
            0 => [1.0, 1.0, 0.0],
            1 => [0.0, 2.0, 1.0],
            _ => [0.0, 0.0, 5.0],
        });
        var sampler = new Sampler(model, new SamplingOptions(Greedy: true));
        Assert.That(sampler.Next(), Is.EqualTo(new[] { 0, 1 }));
        Assert.That(model.Fed, Is.EqualTo(new[] { 2, 0, 1 }));
    }

    [Test]
    public void NonPositiveTemperatureIsRejected()
    {
        var e = Assert.Throws<HwGenException>(() => new SamplingOptions(Temperature: 0).Validated())!;
        Assert.That(e.Message, Is.EqualTo("temperature 0 must be a positive number; use --greedy for argmax decoding."));
    }

    [Test]
    public void TalosNamesAreReproducibleAndSeedDependent()
    {
        var weights = SafeTensors.Load(TestPaths.TalosModel);
        string[] Names(int seed)
        {
            var sampler = new Sampler(new FloatGpt(weights), new SamplingOptions(0.5, seed));
            var vocab = new Vocabulary(weights.Config);
            return Enumerable.Range(0, 10).Select(_ => vocab.Decode(sampler.Next())).ToArray();
        }

        var a = Names(1);
        Assert.That(Names(1), Is.EqualTo(a));
        Assert.That(Names(2), Is.Not.EqualTo(a));
        Assert.That(a, Has.All.Match("^[a-z]{1,16}$"));
    }

    /// <summary>A model whose logits depend only on the position; records the tokens fed.</summary>
    private sealed class ScriptedModel(ModelConfig config, Func<int, double[]> logits) : ILogitModel
    {
        public List<int> Fed { get; } = [];

        public ModelConfig Config { get; } = config;

        public int Position { get; private set; }

        public void Reset()
        {
            Position = 0;
            Fed.Clear();
        }

        public double[] Step(int token)
        {
            Fed.Add(token);
            return logits(Position++);
        }
    }
}
