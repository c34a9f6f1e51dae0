using System.CommandLine;
using System.Globalization;
using HwGen.Exploration;
using HwGen.Fpga;
using HwGen.Tools;
using Spectre.Console;

namespace HwGen.Cli.Commands;

/// <summary>
/// <c>hwgen explore</c>: one design per lanes value, each verified, simulated and its resources
/// estimated for a board; prints the table (Pareto front marked, TALOS-V2's published figures as
/// a reference row), with --out writes explore.html and explore.json. Points run in parallel and
/// come from the cache when nothing they depend on changed. Exit code 1 when a point failed or lacks its estimate.
/// </summary>
internal static class ExploreCommand
{
    /// <summary>The exit code when a point failed (a mismatch or a tool failure) or lacks its resource estimate; the others are still reported.</summary>
    public const int PointFailed = 1;

    private const string FastLanes = "1,2,4,8,16,32,64";
    private const string CompactLanes = "1,2,4,8"; // the UP5K has 8 DSPs: one per compact lane

    public static Command Create()
    {
        var model = CommonOptions.Model();
        var json = CommonOptions.Json();
        var seed = CommonOptions.Seed();
        var lanes = new Option<string>("--lanes", "-l")
        {
            Description = $"The lane counts to explore, comma-separated. Default: {FastLanes} for the fast core, {CompactLanes} for the compact one.",
        };
        var arch = HardwareSetup.Arch();
        var target = new Option<string>("--target")
        {
            Description = $"The board whose resources yosys estimates: {string.Join(", ", FpgaTargets.All.Select(t => t.Name))} (iCE40: nextpnr gives Fmax when the design fits).",
            DefaultValueFactory = _ => FpgaTargets.Ice40Up5k.Name,
        };
        var noEstimate = new Option<bool>("--no-estimate") { Description = "Skip the yosys resource estimate (cycles per token only)." };
        var samples = new Option<int>("--samples", "-n")
        {
            Description = "Names sampled and simulated per point for the mean cycles per token.",
            DefaultValueFactory = _ => 200,
        };
        var verifySamples = new Option<int>("--verify-samples")
        {
            Description = "Mixed samples each point is verified on bit for bit before it is measured (any mismatch fails the point).",
            DefaultValueFactory = _ => 20,
        };
        var temperature = SampleCommand.Temperature();
        var jobs = new Option<int>("--jobs", "-j")
        {
            Description = "Points evaluated at the same time. Default: the number of processors.",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        var toolTimeout = new Option<int>("--tool-timeout")
        {
            Description = "Minutes a yosys or nextpnr run may take before it is stopped (the point then has no resource estimate).",
            DefaultValueFactory = _ => 60,
        };
        var output = new Option<DirectoryInfo?>("--out", "-o") { Description = "Write explore.html and explore.json to this folder (replaced as a whole)." };
        var format = FixedPointOptions.Format();
        var calibration = FixedPointOptions.Calibration();
        var command = new Command("explore", "Explore the lanes setting: verify, simulate and estimate every point, mark the Pareto front of cycles per token against logic, compare with TALOS-V2's published figures.")
        {
            model, arch, lanes, target, noEstimate, samples, verifySamples, temperature, seed, jobs, toolTimeout, output, format, calibration, json,
        };
        command.SetAction(parseResult =>
        {
            // Every input is checked before any work.
            var core = HardwareSetup.ArchOf(parseResult, arch);
            var laneList = LaneList.Parse(parseResult.GetValue(lanes) ?? (core == Rtl.CoreArch.Compact ? CompactLanes : FastLanes));
            var board = parseResult.GetValue(noEstimate) ? null : FpgaTargets.Find(parseResult.GetValue(target)!);
            var modelFile = CommonOptions.ModelFile(parseResult, model);
            ModelFiles.RequireExists(modelFile);
            var settings = new ExploreSettings(laneList, board, parseResult.GetValue(samples), parseResult.GetValue(verifySamples),
                parseResult.GetValue(seed), parseResult.GetValue(temperature), parseResult.GetValue(jobs), parseResult.GetValue(format)!, core).Validated();
            var timeout = parseResult.GetValue(toolTimeout);
            if (timeout < 1)
                throw new HwGenException($"--tool-timeout {timeout}: give 1 or more minutes.");
            var outDir = parseResult.GetValue(output) is { } o ? ExploreOutput.Check(o.FullName) : null;
            var verilator = VerilatorDriver.Create();
            var estimator = board is null ? null : ResourceEstimator.Create(timeout: TimeSpan.FromMinutes(timeout));
            var weights = ModelFiles.Load(modelFile);
            var plan = HardwareSetup.Status("quantizing the model", () => FixedPointOptions.Plan(weights, settings.Format, parseResult.GetValue(calibration)));

            var explorer = new DesignSpaceExplorer(verilator, new ResultCache(ResultCache.DefaultDirectory), estimator)
            {
                Progress = line => { lock (CliOutput.Progress) CliOutput.Progress.WriteLine($"hwgen explore: {line}"); },
            };
            var report = explorer.Run(modelFile.FullName, plan, settings);
            string? written = outDir is null ? null : ExploreOutput.Write(report, outDir);

            var stdout = CliOutput.Out(parseResult);
            if (parseResult.GetValue(json))
            {
                stdout.WriteLine(report.ToJson());
            }
            else
            {
                foreach (var line in Describe(report, written))
                    stdout.WriteLine(line);
            }
            return report.Complete ? 0 : PointFailed;
        });
        return command;
    }

    /// <summary>The text report: the table, the points from the cache, failures and where the files went.</summary>
    public static IEnumerable<string> Describe(ExplorationReport r, string? written)
    {
        var inv = CultureInfo.InvariantCulture;
        yield return r.Target is null
            ? $"{r.Model}: {r.Config}; {r.Arch} core; no resource estimate"
            : $"{r.Model}: {r.Config}; {r.Arch} core; resources for {r.Target} ({r.Device}){(r.Points.Any(p => p.Resources is { Estimate: true }) ? ", yosys estimates" : "")}";
        foreach (var line in ExploreTable.Text(r))
            yield return line;
        var front = r.Points.Where(p => p.Pareto).Select(p => p.Lanes.ToString(inv)).ToList();
        if (front.Count > 0)
            yield return $"Pareto front (cycles per token vs {r.LogicResource}): lanes {string.Join(", ", front)}";
        yield return r.FromCache.Count == 0
            ? string.Create(inv, $"all {r.Points.Count} points evaluated in this run; {r.Seconds:0.0} s")
            : string.Create(inv, $"from cache: lanes {string.Join(", ", r.FromCache)}; {r.Seconds:0.0} s");
        foreach (var p in r.Points.Where(p => !p.Passed))
            yield return $"lanes {p.Lanes} FAILED: {p.Failure}";
        foreach (var p in r.Points.Where(p => p.ResourceFailure is not null))
            yield return $"lanes {p.Lanes}: no resource estimate: {p.ResourceFailure}";
        if (r.KeptWork is not null)
            yield return $"files of the failed points and missing estimates kept in {r.KeptWork}";
        if (written is not null)
            yield return $"written to {written}: {ExploreOutput.HtmlFile}, {ExploreOutput.JsonFile}";
    }
}
