using System.Globalization;
using System.Text;
using HwGen.Rendering;
using HwGen.Tools;

namespace HwGen.Simulation;

/// <summary>
/// Simulates a generated design in batch: renders the harness from <c>sim/harness.cpp.hbs</c>,
/// builds it with the design through <see cref="VerilatorDriver"/> (cached by a hash of the
/// sources and flags), writes the stimulus, runs the program from the design folder under a cycle
/// watchdog and a wall-clock limit, and parses the results file.
/// </summary>
public sealed class SimulationRunner
{
    /// <summary>The harness program's exit code when a sample ran past the cycle watchdog.</summary>
    public const int WatchdogExitCode = 3;

    /// <summary>The harness program's exit code when the core broke the port contract.</summary>
    public const int ProtocolExitCode = 4;

    private readonly VerilatorDriver _driver;
    private readonly TemplateRenderer _templates;

    /// <param name="driver">The Verilator driver (its cache folder is shared by every build).</param>
    /// <param name="templates">The renderer of the <c>sim/</c> folder; the shipped one when null.</param>
    public SimulationRunner(VerilatorDriver driver, TemplateRenderer? templates = null)
    {
        _driver = driver;
        _templates = templates ?? TemplateRenderer.ForShipped(TemplateFolders.Sim);
    }

    /// <summary>The harness C++ source of <paramref name="design"/>.</summary>
    public string RenderHarness(DesignSources design) =>
        _templates.Render(HarnessViewModel.TemplateName, HarnessViewModel.For(design, GeneratedHeader.Text(HwGenVersion.Current, design.Origin)));

    /// <summary>
    /// Builds (or finds in the cache) the simulation program of <paramref name="design"/>, its
    /// harness written to <paramref name="workDirectory"/>.
    /// </summary>
    public VerilatorBuild Build(DesignSources design, string workDirectory, bool trace = false, CancellationToken cancellation = default)
    {
        Directory.CreateDirectory(workDirectory);
        var harness = Path.Combine(workDirectory, "hwgen_harness.cpp");
        WriteAtomically(harness, RenderHarness(design));
        var spec = new VerilatorBuildSpec(
            design.SourcePaths, [harness], design.TopModule, "hwgen_sim", design.ExtraFlags, trace);
        return _driver.Build(spec, cancellation);
    }

    /// <summary>
    /// Simulates <paramref name="stimulus"/> on <paramref name="design"/>: builds when needed, runs
    /// all samples in one process, returns the parsed results. Files go to <paramref name="workDirectory"/>.
    /// </summary>
    /// <exception cref="HwGenException">The watchdog or the port contract stopped the run, the results are malformed, or a tool failed.</exception>
    public SimulationRun Simulate(DesignSources design, IReadOnlyList<SampleStimulus> stimulus, SimulationOptions options,
        string workDirectory, CancellationToken cancellation = default)
    {
        var build = Build(design, workDirectory, options.TraceFile is not null, cancellation);
        return Run(build, design, stimulus, options, workDirectory, cancellation);
    }

    /// <summary>Runs an already built program (see <see cref="Build"/>) on <paramref name="stimulus"/>.</summary>
    public SimulationRun Run(VerilatorBuild build, DesignSources design, IReadOnlyList<SampleStimulus> stimulus, SimulationOptions options,
        string workDirectory, CancellationToken cancellation = default)
    {
        if (options.MaxCyclesPerSample < 1)
            throw new HwGenException($"--max-cycles is {options.MaxCyclesPerSample}; give a positive number of cycles.");
        Directory.CreateDirectory(workDirectory);
        var stimulusFile = Path.GetFullPath(Path.Combine(workDirectory, "stimulus.txt"));
        var resultsFile = Path.GetFullPath(Path.Combine(workDirectory, "results.txt"));
        var logFile = Path.GetFullPath(Path.Combine(workDirectory, "simulation.log"));
        StimulusFile.Write(stimulusFile, stimulus, design.Config);
        File.Delete(resultsFile);

        var args = new List<string> { stimulusFile, resultsFile, "--max-cycles", options.MaxCyclesPerSample.ToString(CultureInfo.InvariantCulture) };
        if (options.TraceFile is not null)
        {
            var trace = Path.GetFullPath(options.TraceFile);
            Directory.CreateDirectory(Path.GetDirectoryName(trace)!);
            args.AddRange(["--trace", trace]);
        }
        var started = DateTime.UtcNow;
        try
        {
            VerilatorDriver.Run(build.Executable, args, options.Timeout, design.Directory, logFile, cancellation);
        }
        catch (ToolFailure failure) when (!failure.TimedOut && failure.ExitCode is WatchdogExitCode or ProtocolExitCode && File.Exists(resultsFile))
        {
            ResultsFile.Parse(File.ReadAllText(resultsFile), resultsFile, design.Config.VocabSize, stimulus, out var stop);
            throw stop switch
            {
                { Kind: "watchdog" } => new HwGenException(
                    $"Simulation: sample {stop.SampleId} ran past the watchdog of {options.MaxCyclesPerSample} cycles (cycle counter {stop.Cycle}); the core never finished it. Raise --max-cycles if the design is only slow, or look at a trace (--trace). Log: {logFile}"),
                { Kind: "protocol" } => new HwGenException(
                    $"Simulation: the core broke the port contract of docs/hardware.md in sample {stop.SampleId} at cycle {stop.Cycle}: {stop.Detail}. Check the generated design. Log: {logFile}"),
                _ => failure,
            };
        }
        var runTime = DateTime.UtcNow - started;
        if (!File.Exists(resultsFile))
            throw new HwGenException($"Simulation: the harness exited normally but wrote no results file {resultsFile}. Log: {logFile}");
        var results = ResultsFile.Parse(File.ReadAllText(resultsFile), resultsFile, design.Config.VocabSize, stimulus);
        return new SimulationRun(results, build, runTime, workDirectory);
    }

    private static void WriteAtomically(string path, string text)
    {
        var bytes = new UTF8Encoding(false).GetBytes(text);
        if (File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
            return;
        Rendering.OutputFolder.WriteFile(path, bytes);
    }
}
