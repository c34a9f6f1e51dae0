using System.CommandLine;
using HwGen.Model;
using HwGen.Quantization;
using HwGen.Rtl;
using HwGen.Simulation;
using HwGen.Tools;
using HwGen.Verification;
using Spectre.Console;

namespace HwGen.Cli.Commands;

/// <summary>
/// What <c>simulate</c>, <c>verify</c> and <c>run</c> share: their options, generating the design
/// under test into a work folder, and the Verilator-backed simulation runner.
/// </summary>
internal static class HardwareSetup
{
    public static Option<int> Lanes(int defaultValue = 1) => new("--lanes", "-l")
    {
        Description = "Parallel MAC lanes of the generated matrix-vector engine (1 or more; above n_embd a multiple of it: row groups of n_embd columns).",
        DefaultValueFactory = _ => defaultValue,
    };

    /// <summary>--arch: fast or compact; without it, <see cref="ArchOf"/> decides.</summary>
    public static Option<string?> Arch(bool forBoards = false)
    {
        var option = new Option<string?>("--arch")
        {
            Description = "The core's architecture: fast (throughput: a lane grid, each stage with its own units) or compact (area: every multiply of a step on the lanes' DSPs, small tables; made for the iCE40 UP5K). "
                + (forBoards ? "Default: the board's (compact for ice40-up5k, fast otherwise)." : "Default: fast."),
        };
        option.AcceptOnlyFromAmong([.. CoreArchs.Names]);
        return option;
    }

    /// <summary>The --arch value, or the default of the board <paramref name="target"/> (fast without one).</summary>
    public static CoreArch ArchOf(ParseResult parseResult, Option<string?> option, string? target = null) =>
        parseResult.GetValue(option) is { } name ? CoreArchs.Parse(name)
        : target is null ? CoreArch.Fast
        : HwGen.Fpga.FpgaTargets.Find(target).DefaultArch;

    /// <summary>The --lanes value when given, else <paramref name="fast"/> lanes for the fast core and <paramref name="compact"/> for the compact one.</summary>
    public static int LanesOf(ParseResult parseResult, Option<int> option, CoreArch arch, int fast, int compact) =>
        parseResult.GetResult(option) is { Implicit: false } ? parseResult.GetValue(option) : arch == CoreArch.Compact ? compact : fast;

    public static Option<int> Samples(int defaultValue) => new("--samples", "-n")
    {
        Description = "Number of samples (names) to generate on the simulated hardware.",
        DefaultValueFactory = _ => defaultValue,
    };

    public static Option<long> MaxCycles() => new("--max-cycles")
    {
        Description = "Cycle watchdog: a sample that runs longer stops the simulation with an error.",
        DefaultValueFactory = _ => SimulationOptions.DefaultMaxCycles,
    };

    public static Option<DirectoryInfo?> Work() => new("--work")
    {
        Description = "Folder for the generated design, stimulus, results and logs, kept afterwards. Default: a temporary folder, removed after a successful run.",
    };

    /// <summary>The work folder: the given one, or a fresh temporary one (<paramref name="temporary"/> true).</summary>
    public static string WorkDirectory(DirectoryInfo? work, out bool temporary)
    {
        temporary = work is null;
        var dir = work?.FullName ?? Path.Combine(Path.GetTempPath(), "hwgen", $"work-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>Removes a temporary work folder after success; a given one, or one after a failure, stays for inspection.</summary>
    public static void Finish(string dir, bool temporary)
    {
        if (temporary && Directory.Exists(dir))
            Directory.Delete(dir, recursive: true);
    }

    /// <summary>
    /// Quantizes <paramref name="weights"/> (the --format and --calibration rules), generates the
    /// design with <paramref name="lanes"/> lanes into <paramref name="work"/>/design and builds the golden model.
    /// </summary>
    public static DesignUnderTest Prepare(FileInfo modelFile, ModelWeights weights, string format, FileInfo? calibration, int lanes, string work, CoreArch arch) =>
        Generate(modelFile, FixedPointOptions.Plan(weights, format, calibration), lanes, work, arch);

    /// <summary>Generates the design of <paramref name="plan"/> into <paramref name="work"/>/design and builds the golden model.</summary>
    public static DesignUnderTest Generate(FileInfo modelFile, NumericsPlan plan, int lanes, string work, CoreArch arch)
    {
        var origin = DesignUnderTest.Origin(modelFile.FullName, QuantizedOutput.Sha256(modelFile.FullName));
        return DesignUnderTest.Generate(plan, lanes, origin, Path.Combine(work, "design"), arch);
    }

    /// <summary>A simulation runner over Verilator (HWGEN_VERILATOR or PATH) and the default build cache.</summary>
    public static SimulationRunner Runner() => new(VerilatorDriver.Create());

    /// <summary>Runs <paramref name="work"/> with a status line on stderr.</summary>
    public static T Status<T>(string text, Func<T> work) => CliOutput.Progress.Status().Start(text, _ => work());
}
