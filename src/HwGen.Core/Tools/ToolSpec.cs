namespace HwGen.Tools;

/// <summary>
/// How to find and check one external tool.
/// </summary>
/// <param name="Name">The program's name on PATH, e.g. "verilator".</param>
/// <param name="EnvironmentVariable">The variable that, when set, gives the program's path, e.g. "HWGEN_VERILATOR"; null when only PATH counts.</param>
/// <param name="DebianPackage">The Debian/Ubuntu package that installs it.</param>
/// <param name="VersionArguments">Arguments that make it print its version, e.g. ["--version"]; empty when it has none.</param>
/// <param name="VersionPattern">A regular expression whose group "v" captures the version in that output.</param>
/// <param name="MinimumVersion">The oldest version HwGen works with, or null when any will do.</param>
public sealed record ToolSpec(
    string Name,
    string? EnvironmentVariable,
    string DebianPackage,
    IReadOnlyList<string> VersionArguments,
    string VersionPattern,
    Version? MinimumVersion = null);
