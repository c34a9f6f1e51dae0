using System.Globalization;
using System.Text.RegularExpressions;

namespace HwGen.Tools;

/// <summary>
/// Reads the diagnostics out of tool output: Verilator's <c>%Error</c>/<c>%Warning-CODE</c> lines,
/// and the <c>ERROR:</c>/<c>Warning:</c> lines of yosys and nextpnr. Continuation lines (source
/// excerpts, hints) are skipped; a diagnostic is one line.
/// </summary>
public static partial class DiagnosticParser
{
    /// <summary>Verilator's messages, e.g. <c>%Error: top.sv:9:1: syntax error</c>, <c>%Warning-WIDTH: top.sv:6:14: ...</c>.
    /// The closing summaries ("Exiting due to N warning(s)", "Cannot continue") are not diagnostics.</summary>
    public static IReadOnlyList<ToolDiagnostic> ParseVerilator(string output)
    {
        var result = new List<ToolDiagnostic>();
        foreach (var line in Lines(output))
        {
            var m = VerilatorLine().Match(line);
            if (!m.Success)
                continue;
            var message = m.Groups["msg"].Value;
            if (!m.Groups["file"].Success && (message.StartsWith("Exiting due to", StringComparison.Ordinal) || message == "Cannot continue"))
                continue;
            result.Add(new ToolDiagnostic(
                "verilator",
                m.Groups["sev"].Value == "Error" ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
                m.Groups["code"].Success ? m.Groups["code"].Value : null,
                m.Groups["file"].Success ? m.Groups["file"].Value : null,
                Int(m.Groups["line"]),
                Int(m.Groups["col"]),
                message));
        }
        return result;
    }

    /// <summary>yosys: <c>top.sv:9: ERROR: syntax error ...</c>, <c>ERROR: ...</c>, <c>Warning: ...</c>.</summary>
    public static IReadOnlyList<ToolDiagnostic> ParseYosys(string output) => ParseErrorWarning("yosys", output);

    /// <summary>nextpnr: <c>ERROR: ...</c> and <c>Warning: ...</c> lines.</summary>
    public static IReadOnlyList<ToolDiagnostic> ParseNextpnr(string output, string tool = "nextpnr-ice40") => ParseErrorWarning(tool, output);

    private static List<ToolDiagnostic> ParseErrorWarning(string tool, string output)
    {
        var result = new List<ToolDiagnostic>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in Lines(output))
        {
            var m = ErrorWarningLine().Match(line);
            if (!m.Success || !seen.Add(line))
                continue;
            result.Add(new ToolDiagnostic(
                tool,
                m.Groups["sev"].Value == "ERROR" ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
                null,
                m.Groups["file"].Success ? m.Groups["file"].Value : null,
                Int(m.Groups["line"]),
                null,
                m.Groups["msg"].Value.Trim()));
        }
        return result;
    }

    private static IEnumerable<string> Lines(string output) =>
        output.Split('\n').Select(l => l.TrimEnd('\r'));

    private static int? Int(Group group) =>
        group.Success ? int.Parse(group.Value, CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"^%(?<sev>Error|Warning)(?:-(?<code>[A-Z0-9_]+))?: (?:(?<file>[^\s:][^:]*):(?<line>\d+):(?:(?<col>\d+):)? )?(?<msg>.*)$")]
    private static partial Regex VerilatorLine();

    [GeneratedRegex(@"^(?:(?<file>[^\s:][^:]*):(?<line>\d+): )?(?<sev>ERROR|Warning): (?<msg>.*)$")]
    private static partial Regex ErrorWarningLine();
}
