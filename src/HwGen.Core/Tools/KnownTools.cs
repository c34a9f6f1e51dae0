namespace HwGen.Tools;

/// <summary>The external tools HwGen drives, with the variable that overrides each and the package that installs it.</summary>
public static class KnownTools
{
    /// <summary>Verilator 5.0 or newer (prints "Verilator 5.006 2023-01-22 ...").</summary>
    public static ToolSpec Verilator { get; } =
        new("verilator", "HWGEN_VERILATOR", "verilator", ["--version"], @"Verilator (?<v>\d+\.\d+)", new Version(5, 0));

    /// <summary>yosys (prints "Yosys 0.23 (git sha1 ...)").</summary>
    public static ToolSpec Yosys { get; } =
        new("yosys", "HWGEN_YOSYS", "yosys", ["-V"], @"Yosys (?<v>\d+\.\d+(?:\+\d+)?)");

    /// <summary>nextpnr for iCE40 (prints "... (Version 0.4-1+b1)").</summary>
    public static ToolSpec NextpnrIce40 { get; } =
        new("nextpnr-ice40", "HWGEN_NEXTPNR_ICE40", "nextpnr-ice40", ["--version"], @"Version (?<v>[0-9][\w.+~-]*)");

    /// <summary>icepack from Project IceStorm; it has no version option.</summary>
    public static ToolSpec Icepack { get; } =
        new("icepack", "HWGEN_ICEPACK", "fpga-icestorm", [], "");

    /// <summary>GNU make, which Verilator's --build runs from PATH.</summary>
    public static ToolSpec Make { get; } =
        new("make", null, "make", ["--version"], @"GNU Make (?<v>\d+\.\d+)");

    /// <summary>The C++ compiler Verilator's makefiles call, from PATH.</summary>
    public static ToolSpec Gxx { get; } =
        new("g++", null, "g++", ["--version"], @"(?<v>\d+\.\d+(\.\d+)?)");

    /// <summary>Icarus Verilog's compiler (prints "Icarus Verilog version 11.0 (stable)").</summary>
    public static ToolSpec Iverilog { get; } =
        new("iverilog", "HWGEN_IVERILOG", "iverilog", ["-V"], @"Icarus Verilog version (?<v>\d+\.\d+)");

    /// <summary>Icarus Verilog's simulator, installed with iverilog.</summary>
    public static ToolSpec Vvp { get; } =
        new("vvp", "HWGEN_VVP", "iverilog", ["-V"], @"Icarus Verilog runtime version (?<v>\d+\.\d+)");
}
