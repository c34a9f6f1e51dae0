namespace HwGen.Fpga;

/// <summary>How a target's bitstream is built.</summary>
public enum FpgaFlowKind
{
    /// <summary>yosys, nextpnr-ice40 and icepack, run here.</summary>
    IceStorm,

    /// <summary>A Vivado non-project TCL script, written for the user to run.</summary>
    Vivado,

    /// <summary>A Quartus project (QPF/QSF/SDC), written for the user to run.</summary>
    Quartus,
}
