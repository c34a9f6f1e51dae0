using System.Text.RegularExpressions;
using HwGen.Tools;

namespace HwGen.Fpga;

/// <summary>What <c>verilator --lint-only -Wall</c> said about a board design.</summary>
/// <param name="Top">The module linted as top.</param>
/// <param name="WrapperDiagnostics">Diagnostics in the wrapper's files (must be none).</param>
/// <param name="CoreDiagnostics">Diagnostics elsewhere (the core).</param>
/// <param name="LogFile">Verilator's output.</param>
public sealed record WrapperLintResult(string Top, IReadOnlyList<ToolDiagnostic> WrapperDiagnostics, IReadOnlyList<ToolDiagnostic> CoreDiagnostics, string LogFile);

/// <summary>
/// Lints a board design with Verilator. The iCE40 PLL primitive is declared from yosys' own iCE40
/// cell library (its port list), so that the board top with its PLL lints as written; diagnostics
/// inside that declaration are not the design's.
/// </summary>
public static partial class WrapperLint
{
    /// <summary>Lints the design in <paramref name="directory"/> (its files are written there); the log goes there too.</summary>
    /// <exception cref="HwGenException">Verilator reported something in the wrapper's own files.</exception>
    public static WrapperLintResult Run(VerilatorDriver verilator, BoardDesign design, string directory, string? yosysPath, CancellationToken cancellation = default)
    {
        var sources = design.Sources.Select(s => Path.Combine(directory, s)).ToList();
        var top = BoardDesign.TopModule;
        string? declaration = null;
        if (design.Clock.Pll is not null)
        {
            declaration = PllDeclaration(yosysPath, directory);
            if (declaration is null)
            {
                // Without yosys' cell library the PLL cannot be declared: lint everything below the board top.
                sources.RemoveAll(s => s.EndsWith("hwgen_ice40_pll.sv", StringComparison.Ordinal) || s.EndsWith("hwgen_top.sv", StringComparison.Ordinal));
                top = BoardDesign.PrinterModule;
            }
            else
            {
                sources.Insert(0, declaration);
            }
        }
        var log = Path.Combine(directory, "lint.log");
        var result = verilator.Lint(sources, top, logFile: log, cancellation: cancellation);
        var wrapperFiles = design.WrapperFiles.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        bool InWrapper(ToolDiagnostic d) => d.File is { } f && wrapperFiles.Contains(Path.GetFileName(f));
        bool InDeclaration(ToolDiagnostic d) => declaration is not null && d.File is { } f && Path.GetFileName(f) == Path.GetFileName(declaration);
        var wrapper = result.Diagnostics.Where(InWrapper).ToList();
        var core = result.Diagnostics.Where(d => !InWrapper(d) && !InDeclaration(d)).ToList();
        if (wrapper.Count > 0)
            throw new HwGenException($"verilator --lint-only -Wall reported {wrapper.Count} diagnostic(s) in the board wrapper, first: {wrapper[0]}. This is a bug in hdl-templates/board; log: {log}");
        if (declaration is not null)
            File.Delete(declaration);
        return new WrapperLintResult(top, wrapper, core, log);
    }

    /// <summary>Writes yosys' declaration of SB_PLL40_PAD to <paramref name="directory"/>; null when yosys' iCE40 library is not found.</summary>
    public static string? PllDeclaration(string? yosysPath, string directory)
    {
        if (yosysPath is null)
            return null;
        var library = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(yosysPath)!, "..", "share", "yosys", "ice40", "cells_sim.v"));
        if (!File.Exists(library))
            return null;
        var m = PllModule().Match(File.ReadAllText(library));
        if (!m.Success)
            return null;
        var file = Path.Combine(directory, "lint_sb_pll40_pad.v");
        File.WriteAllText(file, "/* verilator lint_off UNDRIVEN */\n/* verilator lint_off UNUSEDSIGNAL */\n/* verilator lint_off UNUSEDPARAM */\n" + m.Value + "\n");
        return file;
    }

    [GeneratedRegex(@"module SB_PLL40_PAD \(.*?\nendmodule", RegexOptions.Singleline)]
    private static partial Regex PllModule();
}
