using System.Globalization;

namespace HwGen.Tools;

/// <summary>Runs nextpnr-ice40 with an argument list and parses its log into a <see cref="NextpnrReport"/>.</summary>
public sealed class NextpnrDriver
{
    /// <summary>The default wall-clock limit for one run.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(30);

    public NextpnrDriver(ToolInfo nextpnr, TimeSpan? timeout = null)
    {
        Nextpnr = nextpnr;
        Timeout = timeout ?? DefaultTimeout;
    }

    /// <summary>Finds nextpnr-ice40 (HWGEN_NEXTPNR_ICE40, then PATH).</summary>
    public static NextpnrDriver Create(TimeSpan? timeout = null, ToolLocator? locator = null) =>
        new((locator ?? ToolLocator.Default).Find(KnownTools.NextpnrIce40), timeout);

    /// <summary>The nextpnr-ice40 used.</summary>
    public ToolInfo Nextpnr { get; }

    /// <summary>The wall-clock limit for one run.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>The arguments for <paramref name="spec"/>, log file included.</summary>
    public static IReadOnlyList<string> Arguments(NextpnrIce40Spec spec, string logFile)
    {
        var args = new List<string>
        {
            "--" + spec.Device, "--package", spec.Package,
            "--json", spec.Netlist, "--pcf", spec.Pcf, "--asc", spec.AscOutput,
            "--log", logFile,
        };
        if (spec.FrequencyMHz is { } mhz)
            args.AddRange(["--freq", mhz.ToString("0.###", CultureInfo.InvariantCulture)]);
        if (spec.Seed is { } seed)
            args.AddRange(["--seed", seed.ToString(CultureInfo.InvariantCulture)]);
        if (spec.AllowTimingFailure)
            args.Add("--timing-allow-fail");
        return args;
    }

    /// <summary>Places and routes; the log goes to <paramref name="logFile"/>.</summary>
    /// <exception cref="ToolFailure">nextpnr failed (bad constraint, design too big, timing missed) or ran past <see cref="Timeout"/>.</exception>
    public NextpnrResult PlaceAndRoute(NextpnrIce40Spec spec, string logFile, CancellationToken cancellation = default)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(logFile))!;
        Directory.CreateDirectory(directory);
        var result = ProcessRunner.Run(new ProcessSpec(Nextpnr.Path, Arguments(spec, logFile), directory, Timeout: Timeout), cancellation);
        var log = File.Exists(logFile) ? File.ReadAllText(logFile) : result.Stderr;
        var diagnostics = DiagnosticParser.ParseNextpnr(log + "\n" + result.Stderr, Nextpnr.Name);
        if (!result.Succeeded || !File.Exists(spec.AscOutput))
            throw new ToolFailure(Nextpnr.Name, result with { LogFile = logFile }, diagnostics);
        return new NextpnrResult(result, logFile, NextpnrReport.Parse(log, logFile), diagnostics);
    }
}
