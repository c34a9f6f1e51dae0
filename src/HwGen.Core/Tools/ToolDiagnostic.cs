namespace HwGen.Tools;

/// <summary>How serious a tool's message is.</summary>
public enum DiagnosticSeverity
{
    Warning,
    Error,
}

/// <summary>
/// One message a tool printed about the design, e.g. Verilator's
/// <c>%Warning-WIDTH: top.sv:6:14: Operator ASSIGNW expects 4 bits ...</c>.
/// </summary>
/// <param name="Tool">The tool that printed it ("verilator", "yosys", "nextpnr-ice40").</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="Code">The tool's code for the message (Verilator's WIDTH, UNUSEDSIGNAL...), or null.</param>
/// <param name="File">The source file named, or null.</param>
/// <param name="Line">The 1-based line, or null.</param>
/// <param name="Column">The 1-based column, or null.</param>
/// <param name="Message">The message text after the location.</param>
public sealed record ToolDiagnostic(
    string Tool,
    DiagnosticSeverity Severity,
    string? Code,
    string? File,
    int? Line,
    int? Column,
    string Message)
{
    /// <summary>"file:line:col: %Error-CODE: message" style, for one-line reports.</summary>
    public override string ToString()
    {
        var where = File is null ? "" : $"{File}{(Line is null ? "" : $":{Line}")}{(Column is null ? "" : $":{Column}")}: ";
        var what = Severity == DiagnosticSeverity.Error ? "error" : "warning";
        return $"{where}{what}{(Code is null ? "" : $" {Code}")}: {Message}";
    }
}
