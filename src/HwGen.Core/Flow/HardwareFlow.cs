using HwGen.Golden;
using HwGen.Model;
using HwGen.Quantization;
using HwGen.Simulation;
using HwGen.Verification;

namespace HwGen.Flow;

/// <summary>
/// The main job on one model, as stages run in order (<see cref="StageNames"/>): load the model,
/// quantize it, generate the RTL, build it with Verilator, simulate the samples, and verify them
/// bit for bit against the golden model (and the cycle model against the measured cycles). <c>hwgen run</c> and <c>hwgen report</c> both use it.
/// </summary>
/// <param name="runner">The Verilator-backed simulation runner.</param>
public sealed class HardwareFlow(SimulationRunner runner)
{
    /// <summary>The stages in the order they run.</summary>
    public static IReadOnlyList<string> StageNames { get; } = ["load model", "quantize", "generate", "verilate", "simulate", "verify"];

    /// <summary>Called as each stage starts, with its 0-based index and name.</summary>
    public Action<int, string>? StageStarted { get; init; }

    /// <summary>Runs every stage on <paramref name="request"/>; the verdict is in the result (a mismatch is not an exception).</summary>
    /// <exception cref="HwGenException">A bad model, format or calibration file, or a tool failure.</exception>
    public HardwareRun Run(HardwareRunRequest request, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Lanes < 1)
            throw new HwGenException($"--lanes {request.Lanes}: the design needs at least 1 lane.");
        if (request.Samples < 1)
            throw new HwGenException($"--samples {request.Samples}: simulate at least 1 sample.");

        Stage(0);
        var weights = SafeTensors.Load(request.ModelPath);
        var sha = QuantizedOutput.Sha256(request.ModelPath);

        Stage(1);
        if (request.Calibration is { } cal && !File.Exists(cal))
            throw new HwGenException($"{Path.GetFullPath(cal)}: calibration corpus not found; check the --calibration path.");
        var plan = PlanFactory.Create(weights, request.Format, request.Calibration);

        Stage(2);
        var origin = DesignUnderTest.Origin(request.ModelPath, sha);
        var dut = DesignUnderTest.Generate(plan, request.Lanes, origin, Path.Combine(request.WorkDirectory, "design"), request.Arch);
        plan = dut.Plan; // with the architecture's tables

        Stage(3);
        var build = runner.Build(dut.Design, request.WorkDirectory, cancellation: cancellation);

        Stage(4);
        var stimulus = StimulusSet.Uniform(request.Samples, request.Seed, request.Temperature, greedy: false);
        var run = runner.Run(build, dut.Design, stimulus, SimulationOptions.Default, request.WorkDirectory, cancellation);

        Stage(5);
        // A golden model of our own, so that its saturation counters cover exactly these samples.
        var golden = new FixedGpt(plan);
        var reference = new GoldenReference(golden);
        var expected = stimulus.Select(reference.Generate).ToArray();
        var verification = Verifier.Compare(stimulus, expected, run.Results.Samples);
        var cycles = CycleModelCheck.Run(dut.Rtl.Schedule, plan.Config, stimulus, expected, run.Results.Samples);
        return new HardwareRun(request, sha, weights, plan, dut, stimulus, run.Results, expected, verification, golden.Saturations(), cycles);
    }

    private void Stage(int index) => StageStarted?.Invoke(index, StageNames[index]);
}
