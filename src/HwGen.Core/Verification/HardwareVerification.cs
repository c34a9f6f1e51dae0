using HwGen.Simulation;

namespace HwGen.Verification;

/// <summary>The outcome of verifying a design: the comparison and the simulation it compared.</summary>
/// <param name="Report">Samples, tokens, mismatches and the first divergence.</param>
/// <param name="Simulation">The simulation run (results, build, run time).</param>
public sealed record HardwareVerification(VerificationReport Report, SimulationRun Simulation)
{
    /// <summary>
    /// Simulates <paramref name="stimulus"/> on <paramref name="design"/>, runs
    /// <paramref name="reference"/> on the same stimulus and compares every token and logit code.
    /// </summary>
    public static HardwareVerification Run(SimulationRunner runner, DesignSources design, ISampleReference reference,
        IReadOnlyList<SampleStimulus> stimulus, SimulationOptions options, string workDirectory, CancellationToken cancellation = default)
    {
        var simulation = runner.Simulate(design, stimulus, options, workDirectory, cancellation);
        var expected = stimulus.Select(reference.Generate).ToArray();
        return new HardwareVerification(Verifier.Compare(stimulus, expected, simulation.Results.Samples), simulation);
    }
}
