using System.Globalization;
using System.Text;

namespace HwGen.Tools;

/// <summary>
/// An external tool failed: it exited non-zero or ran past its time limit. Carries what a person
/// needs to act: the command line, the exit code, the tail of stderr, the tool's parsed
/// diagnostics and the log file. <see cref="Exception.Message"/> is one line naming the tool,
/// the outcome and the first error; <see cref="Details"/> has everything.
/// </summary>
public sealed class ToolFailure : HwGenException
{
    public ToolFailure(string tool, ProcessResult result, IReadOnlyList<ToolDiagnostic> diagnostics)
        : base(Summarize(tool, result, diagnostics))
    {
        Tool = tool;
        CommandLine = result.CommandLine;
        ExitCode = result.TimedOut ? null : result.ExitCode;
        TimedOut = result.TimedOut;
        StderrTail = result.Tail();
        Diagnostics = diagnostics;
        LogFile = result.LogFile;
    }

    /// <summary>The tool's name, e.g. "verilator".</summary>
    public string Tool { get; }

    /// <summary>The command line that failed, quoted for display.</summary>
    public string CommandLine { get; }

    /// <summary>The exit code; null when the tool was killed at its time limit.</summary>
    public int? ExitCode { get; }

    /// <summary>True when the tool ran past its time limit and was killed.</summary>
    public bool TimedOut { get; }

    /// <summary>The last lines of stderr (of stdout when stderr was empty).</summary>
    public string StderrTail { get; }

    /// <summary>The errors and warnings the tool printed, parsed.</summary>
    public IReadOnlyList<ToolDiagnostic> Diagnostics { get; }

    /// <summary>The full log, when one was kept.</summary>
    public string? LogFile { get; }

    /// <summary>Several lines: the summary, the command line, every diagnostic, the stderr tail and the log file.</summary>
    public string Details
    {
        get
        {
            var text = new StringBuilder(Message).Append('\n');
            text.Append("command: ").Append(CommandLine).Append('\n');
            foreach (var d in Diagnostics)
                text.Append("  ").Append(d).Append('\n');
            if (StderrTail.Length > 0)
                text.Append("output tail:\n").Append(StderrTail).Append('\n');
            if (LogFile is not null)
                text.Append("log: ").Append(LogFile).Append('\n');
            return text.ToString();
        }
    }

    private static string Summarize(string tool, ProcessResult result, IReadOnlyList<ToolDiagnostic> diagnostics)
    {
        var outcome = result.TimedOut
            ? $"{tool} ran longer than {result.Duration.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s and was stopped"
            : $"{tool} failed with exit code {result.ExitCode}";
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var first = errors.Count > 0 ? errors[0] : diagnostics.FirstOrDefault();
        var what = first is not null
            ? $": {first}{(diagnostics.Count > 1 ? $" (and {diagnostics.Count - 1} more)" : "")}"
            : LastLine(result) is { Length: > 0 } last ? $": {last}" : "";
        var where = result.LogFile is not null ? $" Log: {result.LogFile}." : $" Command: {result.CommandLine}";
        return $"{outcome}{what.TrimEnd('.')}.{where}";
    }

    private static string LastLine(ProcessResult result)
    {
        var tail = result.Tail(1);
        return tail.Trim();
    }
}
