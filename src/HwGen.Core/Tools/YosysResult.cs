namespace HwGen.Tools;

/// <summary>A yosys run that succeeded.</summary>
/// <param name="Process">How the process ended.</param>
/// <param name="LogFile">yosys' full log (<c>-l</c>).</param>
/// <param name="Warnings">The warnings yosys printed.</param>
/// <param name="Stat">The last <c>stat</c> in the log, or null when the script printed none.</param>
public sealed record YosysResult(ProcessResult Process, string LogFile, IReadOnlyList<ToolDiagnostic> Warnings, YosysStat? Stat);
