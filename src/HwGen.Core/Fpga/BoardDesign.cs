using HwGen.Rendering;

namespace HwGen.Fpga;

/// <summary>
/// A core with its board wrapper for one target: the core's files (verbatim), the wrapper's
/// rendered SystemVerilog (stamped by <see cref="BuildPlan"/>), the board's pin constraints, and
/// the settings the wrapper was generated with.
/// </summary>
/// <param name="Core">The core.</param>
/// <param name="Target">The board.</param>
/// <param name="Clock">The core clock.</param>
/// <param name="Uart">The UART bit timing.</param>
/// <param name="Loop">What the start loop feeds the core.</param>
/// <param name="WrapperFiles">The wrapper's SystemVerilog files (path, text without stamp), in dependency order.</param>
/// <param name="Constraints">The board's constraint file: its name and exact bytes.</param>
public sealed record BoardDesign(
    CoreDesign Core,
    FpgaTarget Target,
    ClockPlan Clock,
    UartSettings Uart,
    SampleLoop Loop,
    IReadOnlyList<(string Path, string Text)> WrapperFiles,
    (string Path, byte[] Content) Constraints)
{
    /// <summary>The board top module.</summary>
    public const string TopModule = "hwgen_top";

    /// <summary>The module the simulation of the wrapper (and anything without the board's pins) uses as top: the start loop, core and UART.</summary>
    public const string PrinterModule = "hwgen_name_printer";

    /// <summary>Every SystemVerilog source in dependency order: the core's, then the wrapper's.</summary>
    public IReadOnlyList<string> Sources => [.. Core.Sources, .. WrapperFiles.Select(f => f.Path)];

    /// <summary>The sources of everything below the board top (for simulation): the core's and the printer with its UART.</summary>
    public IReadOnlyList<string> PrinterSources => [.. Core.Sources, .. WrapperFiles.Select(f => f.Path).Where(p => p is "hwgen_uart_tx.sv" or "hwgen_name_printer.sv")];

    /// <summary>Adds the core, the wrapper and (unless <paramref name="includeConstraints"/> is false) the constraints to <paramref name="plan"/>.</summary>
    public BuildPlan AddTo(BuildPlan plan, bool includeConstraints = true)
    {
        foreach (var file in Core.Files)
            plan.AddBytes(file.Path, file.Content);
        foreach (var (path, text) in WrapperFiles)
            plan.AddText(path, text);
        if (includeConstraints)
            plan.AddBytes(Constraints.Path, Constraints.Content);
        return plan;
    }
}
