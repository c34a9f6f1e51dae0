namespace HwGen.Tools;

/// <summary>What <c>verilator --lint-only -Wall</c> said about a design.</summary>
/// <param name="CommandLine">The command line, quoted for display.</param>
/// <param name="ExitCode">Verilator's exit code (0 when there were only warnings).</param>
/// <param name="Diagnostics">Every error and warning, parsed.</param>
/// <param name="Output">Verilator's full output (stderr then stdout).</param>
public sealed record VerilatorLintResult(string CommandLine, int ExitCode, IReadOnlyList<ToolDiagnostic> Diagnostics, string Output)
{
    /// <summary>True when Verilator reported nothing.</summary>
    public bool Clean => ExitCode == 0 && Diagnostics.Count == 0;

    /// <summary>Throws <see cref="HwGenException"/> listing the diagnostics unless the lint is clean.</summary>
    public void EnsureClean()
    {
        if (Clean)
            return;
        var first = Diagnostics.Count > 0 ? Diagnostics[0].ToString() : $"exit code {ExitCode}";
        throw new HwGenException(
            $"verilator --lint-only reported {Diagnostics.Count} diagnostic(s), first: {first}. " +
            "Fix the design or state the reason in a waiver file.");
    }
}
