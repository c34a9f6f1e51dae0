using HwGen.Golden;
using HwGen.Model;
using HwGen.Quantization;
using HwGen.Simulation;
using HwGen.Verification;

namespace HwGen.Flow;

/// <summary>Everything one <see cref="HardwareFlow"/> run produced, from the model to the verdict.</summary>
/// <param name="Request">What was run.</param>
/// <param name="ModelSha256">The model file's SHA-256 (lower-case hex).</param>
/// <param name="Weights">The float weights.</param>
/// <param name="Plan">The numerics plan the design and golden model share.</param>
/// <param name="Design">The generated design with its golden model.</param>
/// <param name="Stimulus">The samples simulated.</param>
/// <param name="Simulation">What the simulated hardware did.</param>
/// <param name="Expected">What the golden model computed for the same samples.</param>
/// <param name="Verification">The bit-for-bit comparison of the two.</param>
/// <param name="Saturations">The golden model's saturation events per site over those samples.</param>
/// <param name="CycleModel">The cycle model (RtlSchedule) checked against every stage, token and done cycle the simulation measured.</param>
public sealed record HardwareRun(
    HardwareRunRequest Request,
    string ModelSha256,
    ModelWeights Weights,
    NumericsPlan Plan,
    DesignUnderTest Design,
    IReadOnlyList<SampleStimulus> Stimulus,
    SimulationResults Simulation,
    IReadOnlyList<ExpectedSample> Expected,
    VerificationReport Verification,
    IReadOnlyList<SiteSaturation> Saturations,
    CycleModelReport CycleModel)
{
    /// <summary>True when the hardware equals the golden model bit for bit and the cycle model predicts its timing exactly.</summary>
    public bool Passed => Verification.Passed && CycleModel.Passed;

    /// <summary>The names the hardware generated (prompt included), in sample order.</summary>
    public IReadOnlyList<string> Names => Simulation.Names(Plan.Config, Stimulus);
}
