using HwGen.Golden;
using HwGen.Simulation;

namespace HwGen.Verification;

/// <summary>The integer golden model (<see cref="FixedSampler"/> over <see cref="FixedGpt"/>) as the reference the hardware must equal.</summary>
public sealed class GoldenReference : ISampleReference
{
    private readonly FixedSampler _sampler;

    /// <param name="model">The golden model of the same numerics plan the design was generated from.</param>
    public GoldenReference(FixedGpt model) => _sampler = new FixedSampler(model);

    /// <inheritdoc/>
    public ExpectedSample Generate(SampleStimulus sample)
    {
        var prompt = sample.Prompt.ToArray();
        var result = _sampler.Generate(sample.Seed, sample.Temperature, sample.Greedy, prompt, sample.MaxLen, recordLogits: true);
        return new ExpectedSample(sample.Id, result.Tokens, result.Logits!.Select(l => (IReadOnlyList<int>)l).ToArray(),
            result.HiddenNonzero!.Select(n => (IReadOnlyList<int>)n).ToArray());
    }
}
