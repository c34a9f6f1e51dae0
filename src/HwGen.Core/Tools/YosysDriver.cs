namespace HwGen.Tools;

/// <summary>Runs yosys on a script file: <c>yosys -q -l LOG -s SCRIPT</c> in a working directory.</summary>
public sealed class YosysDriver
{
    /// <summary>The default wall-clock limit for one run.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(30);

    public YosysDriver(ToolInfo yosys, TimeSpan? timeout = null)
    {
        Yosys = yosys;
        Timeout = timeout ?? DefaultTimeout;
    }

    /// <summary>Finds yosys (HWGEN_YOSYS, then PATH).</summary>
    public static YosysDriver Create(TimeSpan? timeout = null, ToolLocator? locator = null) =>
        new((locator ?? ToolLocator.Default).Find(KnownTools.Yosys), timeout);

    /// <summary>The yosys used.</summary>
    public ToolInfo Yosys { get; }

    /// <summary>The wall-clock limit for one run.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>
    /// Writes <paramref name="script"/> to <c>NAME.ys</c> in <paramref name="workingDirectory"/> and
    /// runs it there, logging to <c>NAME.log</c>. Relative file names in the script are relative to
    /// that folder.
    /// </summary>
    /// <exception cref="ToolFailure">yosys failed or ran past <see cref="Timeout"/>; carries its ERROR lines.</exception>
    public YosysResult Run(YosysScript script, string workingDirectory, string name = "yosys", CancellationToken cancellation = default)
    {
        Directory.CreateDirectory(workingDirectory);
        var scriptFile = Path.Combine(workingDirectory, name + ".ys");
        var logFile = Path.Combine(workingDirectory, name + ".log");
        File.WriteAllText(scriptFile, script.ToString());
        var result = ProcessRunner.Run(new ProcessSpec(Yosys.Path, ["-q", "-l", logFile, "-s", scriptFile], workingDirectory,
            Timeout: Timeout, LogFile: Path.Combine(workingDirectory, name + ".out")), cancellation);
        var log = File.Exists(logFile) ? File.ReadAllText(logFile) : "";
        var diagnostics = DiagnosticParser.ParseYosys(log + "\n" + result.Stderr);
        if (!result.Succeeded)
            throw new ToolFailure("yosys", result with { LogFile = logFile }, diagnostics);
        var stat = log.Contains("Printing statistics.", StringComparison.Ordinal) ? YosysStat.Parse(log, logFile) : null;
        return new YosysResult(result, logFile, diagnostics, stat);
    }
}
