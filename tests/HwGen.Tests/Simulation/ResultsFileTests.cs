using HwGen.Simulation;

namespace HwGen.Tests.Simulation;

public class ResultsFileTests
{
    private const int Vocab = 3;

    private static readonly SampleStimulus[] Stimulus =
    [
        new(4, 1u, 256, false, 0, []),
        new(9, 2u, 256, true, 0, [1]),
    ];

    // Stage cycles: sample 4 runs cycles 10..70 (61), sample 9 cycles 71..160 (90).
    private const string Good =
        "hwgen-results 2\n" +
        "sample 4 start 10\n" +
        "stages 0 0:20 1:9 248:1 255:1\n" +
        "logits 0 0001 fffe 8000\n" +
        "token 2 40\n" +
        "logits 1 7fff 0000 0010\n" +
        "stages 1 0:20 1:9 251:1\n" +
        "done 4 70 1\n" +
        "sample 9 start 71\n" +
        "logits 0 0000 0000 0000\n" +
        "stages 0 0:30 250:1 255:1\n" +
        "logits 1 0001 0002 0003\n" +
        "stages 1 0:27 248:1 251:1\n" +
        "token 0 120\n" +
        "token 1 150\n" +
        "logits 2 0001 0002 0003\n" +
        "stages 2 0:28 249:1\n" +
        "done 9 160 2\n" +
        "end 161\n";

    [Test]
    public void ParsesSamplesTokensCyclesAndSignedLogits()
    {
        var results = ResultsFile.Parse(Good, "results.txt", Vocab, Stimulus);

        Assert.That(results.TotalCycles, Is.EqualTo(161));
        Assert.That(results.Samples.Select(s => s.Id), Is.EqualTo(new[] { 4, 9 }));
        var first = results.Samples[0];
        Assert.That(first.StartCycle, Is.EqualTo(10));
        Assert.That(first.DoneCycle, Is.EqualTo(70));
        Assert.That(first.Tokens, Is.EqualTo(new[] { new EmittedToken(2, 40) }));
        Assert.That(first.Logits[0], Is.EqualTo(new[] { 1, -2, -32768 }));
        Assert.That(first.Logits[1], Is.EqualTo(new[] { 32767, 0, 16 }));
        Assert.That(results.Samples[1].TokenValues, Is.EqualTo(new[] { 0, 1 }));
        Assert.That(results.Samples[1].Logits, Has.Count.EqualTo(3));
        Assert.That(first.Stages[0], Is.EqualTo(new[] { new StageCycles(0, 20), new StageCycles(1, 9), new StageCycles(248, 1), new StageCycles(255, 1) }));
        Assert.That(first.StageCyclesAt(1, 251), Is.EqualTo(1));
        Assert.That(first.StageCyclesAt(1, 248), Is.Zero);
        Assert.That(results.Samples[1].Stages, Has.Count.EqualTo(3));
    }

    [Test]
    public void TheStageBreakdownSumsEveryStepByCode()
    {
        var results = ResultsFile.Parse(Good, "results.txt", Vocab, Stimulus);

        var rows = StageBreakdown.Of(results, code => "c" + code);

        // Code 0: 20 + 20 + 30 + 27 + 28 = 125 cycles over 3 tokens and 5 steps; all cycles: 61 + 90 = 151.
        Assert.That(rows.Select(r => r.Code), Is.EqualTo(new[] { 0, 1, 248, 249, 250, 251, 255 }));
        Assert.That(rows[0], Is.EqualTo(new StageFigure("c0", 0, 125, 125 / 3.0, 25, 125 / 151.0)));
        Assert.That(rows.Sum(r => r.Cycles), Is.EqualTo(151));
    }

    [Test]
    public void StageCyclesThatDoNotCoverTheSampleAreRejected()
    {
        var bad = Good.Replace("stages 1 0:20 1:9 251:1", "stages 1 0:20 1:8 251:1", StringComparison.Ordinal);

        var e = Assert.Throws<HwGenException>(() => ResultsFile.Parse(bad, "r.txt", Vocab, Stimulus));

        Assert.That(e!.Message, Does.StartWith("r.txt line 8: expected stage cycles adding up to 61 (start to done, inclusive) in sample 4, not 60."));
    }

    [Test]
    public void AMissingStagesLineIsRejected()
    {
        var bad = Good.Replace("stages 2 0:28 249:1\n", "", StringComparison.Ordinal);

        var e = Assert.Throws<HwGenException>(() => ResultsFile.Parse(bad, "r.txt", Vocab, Stimulus));

        Assert.That(e!.Message, Does.StartWith("r.txt line 17: expected 3 stages lines (one per logits line) in sample 9, not 2."));
    }

    [Test]
    public void StageCodesMustIncrease()
    {
        var bad = Good.Replace("stages 0 0:30 250:1 255:1", "stages 0 250:1 0:30 255:1", StringComparison.Ordinal);

        var e = Assert.Throws<HwGenException>(() => ResultsFile.Parse(bad, "r.txt", Vocab, Stimulus));

        Assert.That(e!.Message, Does.StartWith("r.txt line 11: expected stage codes in increasing order, not 0 after 250."));
    }

    [Test]
    public void CyclesPerTokenCountFromStartThenFromTokenToToken()
    {
        var results = ResultsFile.Parse(Good, "results.txt", Vocab, Stimulus);

        // Sample 4: 40-10 = 30. Sample 9: 120-71 = 49, 150-120 = 30.
        Assert.That(results.CyclesPerToken, Is.EqualTo(new CycleStatistics(3, 109 / 3.0, 30, 49)));
    }

    [Test]
    public void UppercaseHexIsRejectedWithTheLine()
    {
        var bad = Good.Replace("fffe", "FFFE", StringComparison.Ordinal);

        var e = Assert.Throws<HwGenException>(() => ResultsFile.Parse(bad, "r.txt", Vocab, Stimulus));

        Assert.That(e!.Message, Is.EqualTo("r.txt line 4: logit 1 is 'FFFE'; expected 4 lowercase hex digits. The results do not follow docs/hardware.md; rebuild the harness from sim/ and check the design's ports."));
    }

    [Test]
    public void AShortLogitsLineIsRejected()
    {
        var bad = Good.Replace("logits 1 7fff 0000 0010", "logits 1 7fff 0000", StringComparison.Ordinal);

        var e = Assert.Throws<HwGenException>(() => ResultsFile.Parse(bad, "r.txt", Vocab, Stimulus));

        Assert.That(e!.Message, Does.StartWith("r.txt line 6: expected 'logits <pos> and 3 codes' (5 fields) but found 4 fields."));
    }

    [Test]
    public void AWrongEmittedCountIsRejected()
    {
        var bad = Good.Replace("done 9 160 2", "done 9 160 3", StringComparison.Ordinal);

        var e = Assert.Throws<HwGenException>(() => ResultsFile.Parse(bad, "r.txt", Vocab, Stimulus));

        Assert.That(e!.Message, Does.StartWith("r.txt line 18: expected emitted count 2 (token lines of the sample), not 3."));
    }

    [Test]
    public void SamplesOutOfStimulusOrderAreRejected()
    {
        var bad = Good.Replace("sample 9 start", "sample 8 start", StringComparison.Ordinal);

        var e = Assert.Throws<HwGenException>(() => ResultsFile.Parse(bad, "r.txt", Vocab, Stimulus));

        Assert.That(e!.Message, Does.StartWith("r.txt line 9: expected sample 9 next (stimulus order), not 8."));
    }

    [Test]
    public void ATruncatedFileSaysSo()
    {
        var cut = Good[..Good.IndexOf("sample 9", StringComparison.Ordinal)];

        var e = Assert.Throws<HwGenException>(() => ResultsFile.Parse(cut, "r.txt", Vocab, Stimulus));

        Assert.That(e!.Message, Is.EqualTo("r.txt: the results end after 1 of 2 samples without an 'end' line; the harness was cut short (see its log)."));
    }

    [Test]
    public void AWatchdogLineStopsTheParseWithTheSample()
    {
        var text = Good[..Good.IndexOf("sample 9", StringComparison.Ordinal)] + "sample 9 start 71\nwatchdog 9 5071\n";

        var results = ResultsFile.Parse(text, "r.txt", Vocab, Stimulus, out var stop);

        Assert.That(stop, Is.EqualTo(new HarnessStop("watchdog", 9, 5071, "")));
        Assert.That(results.Samples.Select(s => s.Id), Is.EqualTo(new[] { 4 }));
    }
}
