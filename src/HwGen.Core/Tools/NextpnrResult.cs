namespace HwGen.Tools;

/// <summary>A place and route that succeeded.</summary>
/// <param name="Process">How the process ended.</param>
/// <param name="LogFile">nextpnr's full log.</param>
/// <param name="Report">Utilisation and maximum frequencies parsed from the log.</param>
/// <param name="Warnings">The warnings nextpnr printed.</param>
public sealed record NextpnrResult(ProcessResult Process, string LogFile, NextpnrReport Report, IReadOnlyList<ToolDiagnostic> Warnings);
