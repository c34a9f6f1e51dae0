using System.CommandLine;
using System.Globalization;
using HwGen.Simulation;
using HwGen.Verification;

namespace HwGen.Cli.Commands;

/// <summary>
/// <c>hwgen verify</c>: runs the golden model and the simulated hardware on the same stimulus
/// (sampled at temperatures 1.0 and 0.5, greedy, after prompts) and compares every token and
/// every step's logit codes exactly. Exit code 0 only when all agree, 1 when they differ.
/// </summary>
internal static class VerifyCommand
{
    /// <summary>The exit code when the hardware and the golden model differ.</summary>
    public const int Mismatch = 1;

    /// <summary>The JSON result of <c>hwgen verify --json</c>.</summary>
    public sealed record Result(
        string Model, int Lanes, int Seed, bool Passed, int Samples, int Tokens, int Steps, long LogitsCompared, long Mismatches,
        int MismatchedSamples, Divergence? FirstDivergence, double CyclesPerToken,
        bool CycleModelPassed, long CycleCountsCompared, long CycleMismatches, string? FirstCycleMismatch);

    public static Command Create()
    {
        var model = CommonOptions.Model();
        var json = CommonOptions.Json();
        var seed = CommonOptions.Seed();
        var samples = HardwareSetup.Samples(200);
        var lanes = HardwareSetup.Lanes();
        var arch = HardwareSetup.Arch();
        var maxCycles = HardwareSetup.MaxCycles();
        var work = HardwareSetup.Work();
        var format = FixedPointOptions.Format();
        var calibration = FixedPointOptions.Calibration();
        var command = new Command("verify", "Prove the generated hardware equal to the golden model: every token and every step's logit codes, on sampled, greedy and prompted samples. Exit code 0 only when all agree.")
        {
            model, samples, lanes, arch, seed, maxCycles, work, format, calibration, json,
        };
        command.SetAction(parseResult =>
        {
            var modelFile = CommonOptions.ModelFile(parseResult, model);
            var weights = ModelFiles.Load(modelFile);
            var stimulus = StimulusSet.Mixed(parseResult.GetValue(samples), parseResult.GetValue(seed), weights.Config);
            var options = SimulationOptions.Default with { MaxCyclesPerSample = parseResult.GetValue(maxCycles) };
            var runner = HardwareSetup.Runner(); // finds Verilator before any work
            var dir = HardwareSetup.WorkDirectory(parseResult.GetValue(work), out var temporary);
            var dut = HardwareSetup.Status("quantizing and generating the design",
                () => HardwareSetup.Prepare(modelFile, weights, parseResult.GetValue(format)!, parseResult.GetValue(calibration), parseResult.GetValue(lanes), dir, HardwareSetup.ArchOf(parseResult, arch)));
            var build = HardwareSetup.Status("building the simulation with Verilator (cached after the first build)",
                () => runner.Build(dut.Design, dir));
            var run = HardwareSetup.Status($"simulating {stimulus.Count} samples", () => runner.Run(build, dut.Design, stimulus, options, dir));
            var expected = HardwareSetup.Status("running the golden model", () => stimulus.Select(dut.Golden.Generate).ToArray());
            var report = Verifier.Compare(stimulus, expected, run.Results.Samples);
            var cycles = CycleModelCheck.Run(dut.Rtl.Schedule, dut.Plan.Config, stimulus, expected, run.Results.Samples);
            var passed = report.Passed && cycles.Passed;
            if (passed)
                HardwareSetup.Finish(dir, temporary);

            var stdout = CliOutput.Out(parseResult);
            if (parseResult.GetValue(json))
            {
                CliOutput.WriteJson(stdout, new Result(modelFile.Name, dut.Rtl.Lanes, parseResult.GetValue(seed), report.Passed, report.Samples, report.Tokens,
                    report.Steps, report.LogitsCompared, report.Mismatches, report.MismatchedSamples, report.FirstDivergence, run.Results.CyclesPerToken.Mean,
                    cycles.Passed, cycles.Compared, cycles.Mismatches, cycles.First?.ToString()));
            }
            else
            {
                foreach (var line in Describe(report, cycles))
                    stdout.WriteLine(line);
                if (!passed)
                    stdout.WriteLine($"files kept in {dir}");
            }
            return passed ? 0 : Mismatch;
        });
        return command;
    }

    /// <summary>The text report of the comparison alone: the counts, the first divergence if any, and the verdict.</summary>
    public static IEnumerable<string> Describe(VerificationReport report)
    {
        yield return string.Create(CultureInfo.InvariantCulture,
            $"samples {report.Samples}, tokens {report.Tokens}, steps {report.Steps}, logits compared {report.LogitsCompared}, mismatches {report.Mismatches}");
        if (report.FirstDivergence is { } d)
            yield return $"first divergence: {d}";
        yield return report.Passed
            ? "verdict: PASS (the hardware equals the golden model bit for bit)"
            : $"verdict: FAIL ({report.MismatchedSamples} of {report.Samples} samples differ)";
    }

    /// <summary>The text report: the counts, the first divergence if any, the cycle model's check, and the verdict.</summary>
    public static IEnumerable<string> Describe(VerificationReport report, CycleModelReport cycles)
    {
        yield return string.Create(CultureInfo.InvariantCulture,
            $"samples {report.Samples}, tokens {report.Tokens}, steps {report.Steps}, logits compared {report.LogitsCompared}, mismatches {report.Mismatches}");
        if (report.FirstDivergence is { } d)
            yield return $"first divergence: {d}";
        yield return string.Create(CultureInfo.InvariantCulture,
            $"cycle model: {cycles.Compared} cycle counts compared (every stage of every step, every token and done cycle), {cycles.Mismatches} differ");
        if (cycles.First is { } c)
            yield return $"first cycle difference: {c}";
        if (!report.Passed)
            yield return $"verdict: FAIL ({report.MismatchedSamples} of {report.Samples} samples differ)";
        else if (!cycles.Passed)
            yield return "verdict: FAIL (the hardware equals the golden model bit for bit, but the cycle model (RtlSchedule) does not predict its timing exactly)";
        else
            yield return "verdict: PASS (the hardware equals the golden model bit for bit; the cycle model predicts every cycle count)";
    }
}
