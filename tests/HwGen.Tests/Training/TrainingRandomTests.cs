using HwGen.Training;

namespace HwGen.Tests.Training;

public class TrainingRandomTests
{
    [Test]
    public void SplitMix64MatchesItsPublishedOutputsForSeedZero()
    {
        ulong state = 0;
        var outputs = new[] { TrainingRandom.SplitMix64(ref state), TrainingRandom.SplitMix64(ref state), TrainingRandom.SplitMix64(ref state) };
        Assert.That(outputs, Is.EqualTo(new[] { 0xE220A8397B1DCDAFUL, 0x6E789E6AA1B965F4UL, 0x06C45D188009454FUL }));
    }

    [Test]
    public void Xoshiro256StarStarMatchesTheReferenceForState1234()
    {
        var random = new TrainingRandom(1, 2, 3, 4);
        var outputs = Enumerable.Range(0, 4).Select(_ => random.NextUInt64()).ToArray();
        Assert.That(outputs, Is.EqualTo(new[] { 11520UL, 0UL, 1509978240UL, 1215971899390074240UL }));
    }

    [Test]
    public void GaussianDrawsHaveMeanZeroAndUnitVariance()
    {
        var random = new TrainingRandom(42);
        var draws = Enumerable.Range(0, 200_000).Select(_ => random.NextGaussian()).ToArray();
        var mean = draws.Average();
        var variance = draws.Sum(x => (x - mean) * (x - mean)) / draws.Length;
        Assert.Multiple(() =>
        {
            Assert.That(mean, Is.EqualTo(0).Within(0.01));
            Assert.That(variance, Is.EqualTo(1).Within(0.01));
            Assert.That(draws.Count(x => Math.Abs(x) < 1) / (double)draws.Length, Is.EqualTo(0.6827).Within(0.005));
        });
    }

    [Test]
    public void ShuffleIsAPermutationFixedByTheSeed()
    {
        int[] Shuffled(long seed)
        {
            var items = Enumerable.Range(0, 100).ToArray();
            new TrainingRandom(seed).Shuffle(items.AsSpan());
            return items;
        }

        Assert.Multiple(() =>
        {
            Assert.That(Shuffled(5).Order(), Is.EqualTo(Enumerable.Range(0, 100)));
            Assert.That(Shuffled(5), Is.EqualTo(Shuffled(5)));
            Assert.That(Shuffled(5), Is.Not.EqualTo(Shuffled(6)));
            Assert.That(Shuffled(5), Is.Not.EqualTo(Enumerable.Range(0, 100)));
        });
    }

    [Test]
    public void NextBelowStaysInRangeAndCoversIt()
    {
        var random = new TrainingRandom(3);
        var counts = new int[7];
        for (var i = 0; i < 70_000; i++)
            counts[random.NextBelow(7)]++;
        Assert.That(counts, Has.All.InRange(9_500, 10_500));
    }
}
