using HwGen.Model;
using HwGen.Simulation;

namespace HwGen.Tests.Simulation;

public class StimulusFileTests
{
    private static readonly ModelConfig Config = ModelConfig.MicroGpt;

    [Test]
    public void FormatWritesTheDocumentedLines()
    {
        var samples = new[]
        {
            new SampleStimulus(0, 4000000000u, 256, false, 0, []),
            new SampleStimulus(7, 1u, 128, true, 5, [4, 0, 25]),
        };

        var text = StimulusFile.Format(samples, Config);

        Assert.That(text, Is.EqualTo(
            "hwgen-stimulus 1\n" +
            "sample 0 seed 4000000000 temperature 256 greedy 0 max_len 0 prompt 0\n" +
            "sample 7 seed 1 temperature 128 greedy 1 max_len 5 prompt 3 4 0 25\n"));
    }

    [Test]
    public void APromptWithBosIsRefused()
    {
        var samples = new[] { new SampleStimulus(3, 1u, 256, false, 0, [2, 26]) };

        var e = Assert.Throws<HwGenException>(() => StimulusFile.Format(samples, Config));

        Assert.That(e!.Message, Is.EqualTo("Stimulus sample 3: prompt token 1 is 26; it must be in 0..26 and not BOS (26)."));
    }

    [Test]
    public void APromptThatFillsTheBlockIsRefused()
    {
        var samples = new[] { new SampleStimulus(0, 1u, 256, false, 0, Enumerable.Repeat(1, 16).ToArray()) };

        var e = Assert.Throws<HwGenException>(() => StimulusFile.Format(samples, Config));

        Assert.That(e!.Message, Is.EqualTo("Stimulus sample 0: the prompt has 16 tokens; the block of 16 allows at most 15."));
    }

    [Test]
    public void DuplicateIdsAreRefused()
    {
        var samples = new[] { new SampleStimulus(1, 1u, 256, false, 0, []), new SampleStimulus(1, 2u, 256, false, 0, []) };

        var e = Assert.Throws<HwGenException>(() => StimulusFile.Format(samples, Config));

        Assert.That(e!.Message, Is.EqualTo("Stimulus: sample id 1 appears twice; give every sample its own id."));
    }

    [Test]
    public void MixedCoversEveryModeReproducibly()
    {
        var a = StimulusSet.Mixed(16, 5, Config);
        var b = StimulusSet.Mixed(16, 5, Config);

        Assert.That(StimulusFile.Format(a, Config), Is.EqualTo(StimulusFile.Format(b, Config)));
        Assert.That(a.Count(s => s.Greedy), Is.EqualTo(4));
        Assert.That(a.Count(s => !s.Greedy && s.Temperature == 128), Is.EqualTo(4));
        Assert.That(a.Count(s => s.Prompt.Count > 0), Is.EqualTo(4));
        Assert.That(a.Count(s => s.MaxLen > 0), Is.EqualTo(2));
        Assert.That(a.SelectMany(s => s.Prompt), Has.None.EqualTo(Config.Bos));
        Assert.That(a.Select(s => s.Seed).Distinct().Count(), Is.EqualTo(16));
    }
}
