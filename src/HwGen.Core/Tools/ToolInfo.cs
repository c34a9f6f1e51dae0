namespace HwGen.Tools;

/// <summary>A tool that was found: where it is and which version it said it is (for reports and build caches).</summary>
/// <param name="Name">The tool's name, e.g. "verilator".</param>
/// <param name="Path">The absolute path of the program.</param>
/// <param name="VersionText">The version as the tool printed it, e.g. "5.006"; "unknown" when it cannot tell.</param>
/// <param name="Version">The numeric part of the version, when it has one.</param>
public sealed record ToolInfo(string Name, string Path, string VersionText, Version? Version);
