using HwGen.Simulation;
using HwGen.Verification;

namespace HwGen.Tests.Verification;

public class VerifierTests
{
    private static readonly SampleStimulus[] Stimulus =
    [
        new(0, 1u, 256, false, 0, []),
        new(1, 2u, 256, false, 0, [5]),
    ];

    private static ExpectedSample[] Expected() =>
    [
        new(0, [3, 4], [[1, 2, 3], [4, 5, 6], [7, 8, 9]]),
        new(1, [6], [[1, 1, 1], [2, 2, 2], [3, 3, 3]]),
    ];

    private static SampleResult Actual(ExpectedSample e) =>
        new(e.Id, 0, 100, e.Tokens.Select((t, i) => new EmittedToken(t, 10 * (i + 1))).ToArray(), e.Logits.Select(l => (IReadOnlyList<int>)l.ToArray()).ToArray(),
            e.Logits.Select(_ => (IReadOnlyList<StageCycles>)[]).ToArray());

    [Test]
    public void EqualSamplesPass()
    {
        var report = Verifier.Compare(Stimulus, Expected(), Expected().Select(Actual).ToArray());

        Assert.That(report, Is.EqualTo(new VerificationReport(2, 3, 6, 18, 0, 0, null)));
        Assert.That(report.Passed, Is.True);
    }

    [Test]
    public void ALogitOffByOneIsTheFirstDivergence()
    {
        var actual = Expected().Select(Actual).ToArray();
        actual[1] = actual[1] with { Logits = [[1, 1, 1], [2, 2, 2], [3, 4, 3]] };

        var report = Verifier.Compare(Stimulus, Expected(), actual);

        Assert.That(report.Passed, Is.False);
        Assert.That(report.Mismatches, Is.EqualTo(1));
        Assert.That(report.MismatchedSamples, Is.EqualTo(1));
        Assert.That(report.FirstDivergence, Is.EqualTo(new Divergence(1, 2, "logits", 1, 3, 4)));
        Assert.That(report.FirstDivergence!.ToString(), Is.EqualTo("sample 1, step 2, logits[1]: expected 3, actual 4"));
    }

    [Test]
    public void ATokenDivergenceNamesTheStepItWasChosenAt()
    {
        var actual = Expected().Select(Actual).ToArray();
        actual[1] = actual[1] with { Tokens = [new EmittedToken(7, 10)] };

        var report = Verifier.Compare(Stimulus, Expected(), actual);

        // Sample 1 has a prompt of one token (fed at step 1): its token 0 is chosen from step 1's logits.
        Assert.That(report.FirstDivergence!.ToString(), Is.EqualTo("sample 1, step 1, token 0: expected 6, actual 7"));
    }

    [Test]
    public void AnExtraStepAndTokenAreCounted()
    {
        var actual = Expected().Select(Actual).ToArray();
        actual[0] = actual[0] with
        {
            Tokens = [.. actual[0].Tokens, new EmittedToken(1, 99)],
            Logits = [.. actual[0].Logits, [0, 0, 0]],
        };

        var report = Verifier.Compare(Stimulus, Expected(), actual);

        Assert.That(report.Mismatches, Is.EqualTo(2));
        Assert.That(report.FirstDivergence!.ToString(), Is.EqualTo("sample 0, step 3, number of steps: expected 3, actual 4"));
    }

    [Test]
    public void DifferentSampleListsAreAnError()
    {
        var e = Assert.Throws<HwGenException>(() => Verifier.Compare(Stimulus, Expected(), [Actual(Expected()[0])]));

        Assert.That(e!.Message, Is.EqualTo("Verification: the stimulus has 2 samples, the reference 2 and the simulation 1; all must be the same samples."));
    }
}
