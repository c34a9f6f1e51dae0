using HwGen.Golden;
using HwGen.Sampling;

namespace HwGen.Tests.Golden;

public class FixedSamplerTests
{
    private static FixedSampler NewSampler() => new(new FixedGpt(TalosPlans.Auto));

    [TestCase(0u, 0)]
    [TestCase(0x80000000u, 13)]   // u = Z / 2 = 27 * 32768 -> the 14th of 27 equal weights
    [TestCase(0xFFFFFFFFu, 26)]
    [TestCase(0x12345678u, 1)]    // u = floor(0x12345678 * 27 * 65536 / 2^32) = 125,829 -> 125,829 >> 16 = 1
    public void EqualLogitsSplitTheThresholdRangeEvenly(uint r, int expected)
    {
        var sampler = NewSampler();
        var (lambda, frac) = sampler.Lambda(256);
        Assert.That(sampler.Draw(new int[27], lambda, frac, r), Is.EqualTo(expected));
    }

    [Test]
    public void ATokenWhoseExpIsZeroIsNeverChosen()
    {
        var sampler = NewSampler();
        var (lambda, frac) = sampler.Lambda(256);
        var logits = new int[27];
        Array.Fill(logits, -32768);
        logits[5] = 32767; // 64 units above the others in Q6.10 at T = 1: 2^-92, below the exp's range
        Assert.That(sampler.Draw(logits, lambda, frac, 0xFFFFFFFFu), Is.EqualTo(5));
        Assert.That(sampler.Draw(logits, lambda, frac, 0u), Is.EqualTo(5));
    }

    [TestCase(256, 17)]
    [TestCase(128, 16)]
    [TestCase(1, 9)]
    public void LambdaIsLog2EOverTheTemperature(int code, int fracBits)
    {
        var (lambda, frac) = NewSampler().Lambda(code);
        Assert.That(frac, Is.EqualTo(fracBits));
        var exact = Math.Log2(Math.E) / (code / 256.0) * Math.ScaleB(1.0, frac);
        Assert.That(Math.Abs(lambda - exact), Is.LessThanOrEqualTo(2.0));
    }

    [Test]
    public void DrawFrequenciesFollowTheSoftmax()
    {
        var sampler = NewSampler();
        var format = TalosPlans.Auto.Format(HwGen.Reference.ActivationSite.Logits, -1);
        // Logits 0, 0.5, 1, ... 3 at temperature 0.5.
        var logits = Enumerable.Range(0, 7).Select(i => format.ToCode(0.5 * i)).ToArray();
        var (lambda, frac) = sampler.Lambda(128);
        var rng = new XorShift32(7);
        var counts = new int[logits.Length];
        const int draws = 200_000;
        for (var i = 0; i < draws; i++)
            counts[sampler.Draw(logits, lambda, frac, rng.NextUInt32())]++;
        var exp = logits.Select(l => Math.Exp(format.ToValue(l) / 0.5)).ToArray();
        for (var i = 0; i < logits.Length; i++)
            Assert.That(counts[i] / (double)draws, Is.EqualTo(exp[i] / exp.Sum()).Within(0.005), $"token {i}");
    }

    [Test]
    public void ArgMaxTakesTheLowestIndexOnATie()
    {
        Assert.That(FixedSampler.ArgMax([3, 9, 9, -4]), Is.EqualTo(1));
        Assert.That(FixedSampler.ArgMax([-5]), Is.Zero);
    }

    [Test]
    public void GreedyFollowsTheArgMaxOfEachStepAndStopsAtBos()
    {
        var model = new FixedGpt(TalosPlans.Auto);
        var sample = new FixedSampler(model).Generate(1, 0, true, recordLogits: true);
        // Replay: feed BOS then each emitted token; the argmax of each step's logits is the next token.
        var bos = model.Config.Bos;
        var fed = new[] { bos }.Concat(sample.Tokens).ToArray();
        Assert.That(sample.Logits, Has.Count.EqualTo(fed.Length));
        Assert.That(sample.Steps, Is.EqualTo(fed.Length));
        var replay = new FixedGpt(TalosPlans.Auto);
        for (var p = 0; p < fed.Length; p++)
        {
            var codes = replay.StepCodes(fed[p]).ToArray();
            Assert.That(codes, Is.EqualTo(sample.Logits![p]), $"step {p}");
            var max = codes.Max();
            var next = Array.IndexOf(codes, max);
            Assert.That(next, Is.EqualTo(p + 1 < fed.Length ? fed[p + 1] : bos), $"step {p}");
        }
    }

    [Test]
    public void PromptTokensAreFedNotEmittedAndMaxLenStops()
    {
        var sampler = NewSampler();
        var s = sampler.Generate(42, 256, false, [0, 13], maxLen: 2, recordLogits: true);
        Assert.That(s.Tokens.Length, Is.LessThanOrEqualTo(2));
        Assert.That(s.Tokens, Does.Not.Contain(26));
        // BOS and the 2 prompt tokens are fed (steps 0-2; step 2 chooses the first token); the first
        // emitted token is fed at step 3, whose choice is either BOS or the second token (max_len).
        Assert.That(s.Steps, Is.EqualTo(s.Tokens.Length == 0 ? 3 : 4));
        Assert.That(s.Logits, Has.Count.EqualTo(s.Steps));
        var again = sampler.Generate(42, 256, false, [0, 13], maxLen: 2);
        Assert.That(again.Tokens, Is.EqualTo(s.Tokens));
    }

    [Test]
    public void APromptThatFillsTheBlockIsRefused()
    {
        var e = Assert.Throws<HwGenException>(() => NewSampler().Generate(1, 256, false, new int[16]));
        Assert.That(e!.Message, Is.EqualTo("a prompt of 16 tokens leaves no position to generate in block_size 16; give at most 15."));
    }

    [Test]
    public void TemperatureCodesAreUq88()
    {
        Assert.That(Temperature.ToCode(1.0), Is.EqualTo(256));
        Assert.That(Temperature.ToCode(0.5), Is.EqualTo(128));
        var e = Assert.Throws<HwGenException>(() => Temperature.ToCode(0.001));
        Assert.That(e!.Message, Is.EqualTo("temperature 0.001 is not representable as UQ8.8 (1/256 .. 255.996); use a value in that range, or --greedy."));
    }
}
