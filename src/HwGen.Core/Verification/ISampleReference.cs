using HwGen.Simulation;

namespace HwGen.Verification;

/// <summary>A model that computes, for a sample's stimulus, exactly what the hardware must produce (the golden model).</summary>
public interface ISampleReference
{
    /// <summary>The tokens and per-step logit codes of <paramref name="sample"/>, following docs/hardware.md step by step.</summary>
    ExpectedSample Generate(SampleStimulus sample);
}
