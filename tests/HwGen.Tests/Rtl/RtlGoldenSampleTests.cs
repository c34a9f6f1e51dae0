using HwGen.Golden;

namespace HwGen.Tests.Rtl;

public class RtlGoldenSampleTests
{
    // The RTL tests' step-by-step golden sample must be the golden sampler itself.
    [TestCase(1u, 256, false, 0, new int[0])]
    [TestCase(7u, 128, false, 3, new[] { 3, 4 })]
    [TestCase(0u, 0, true, 0, new int[0])]
    public void EqualsTheGoldenSampler(uint seed, int temperature, bool greedy, int maxLen, int[] prompt)
    {
        var plan = RtlTestModels.Talos;
        var mine = RtlGoldenSample.Run(plan, seed, temperature, greedy, maxLen, prompt);
        var golden = new FixedSampler(new FixedGpt(plan)).Generate(seed, temperature, greedy, prompt, maxLen, recordLogits: true);
        Assert.That(mine.Emitted, Is.EqualTo(golden.Tokens));
        Assert.That(mine.Logits, Is.EqualTo(golden.Logits));
    }
}
