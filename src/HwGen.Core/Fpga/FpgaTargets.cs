namespace HwGen.Fpga;

/// <summary>The boards HwGen knows, by --target name.</summary>
public static class FpgaTargets
{
    /// <summary>iCEBreaker: Lattice iCE40UP5K-SG48, 12 MHz oscillator; built here with yosys, nextpnr and icepack.</summary>
    public static FpgaTarget Ice40Up5k { get; } = new(
        "ice40-up5k", "iCEBreaker", "iCE40UP5K-SG48", FpgaFlowKind.IceStorm, 12.0, "icebreaker.pcf", "synth_ice40 -dsp", LedsActiveLow: true,
        [
            new("LC", 5280, ["SB_LUT4"], "ICESTORM_LC"),
            new("FF", 5280, ["SB_DFF*"]),
            new("EBR", 30, ["SB_RAM40_4K"], "ICESTORM_RAM"),
            new("SPRAM", 4, ["SB_SPRAM256KA"], "ICESTORM_SPRAM"),
            new("DSP", 8, ["SB_MAC16"], "ICESTORM_DSP"),
            new("IO", 39, ["SB_IO"], "SB_IO"),
        ],
        "EBR", ["SB_RAM40_4K"], ["SB_SPRAM256KA"])
    {
        DefaultArch = Rtl.CoreArch.Compact, // 8 DSPs and 30 EBR: only the compact core fits
        // The compact microGPT core places at 33-38 MHz (nextpnr, LC 96-98 % full, by placement): 30 MHz closes with margin.
        DefaultClocksMHz = new Dictionary<Rtl.CoreArch, double> { [Rtl.CoreArch.Compact] = 30.0 },
    };

    /// <summary>Digilent Arty A7-35T: Xilinx XC7A35T, 100 MHz oscillator; a Vivado project.</summary>
    public static FpgaTarget ArtyA735t { get; } = new(
        "arty-a7-35t", "Arty A7-35T", "xc7a35ticsg324-1L", FpgaFlowKind.Vivado, 100.0, "arty-a7-35t.xdc", "synth_xilinx -family xc7 -flatten", LedsActiveLow: false,
        [
            new("LUT", 20800, ["LUT1", "LUT2", "LUT3", "LUT4", "LUT5", "LUT6"]),
            new("FF", 41600, ["FDRE", "FDSE", "FDCE", "FDPE"]),
            new("BRAM36", 50, ["RAMB36E1"]),
            new("BRAM18", 100, ["RAMB18E1"]),
            new("DSP", 90, ["DSP48E1"]),
        ],
        "BRAM", ["RAMB18E1", "RAMB36E1"], []);

    /// <summary>Terasic DE1-SoC: Intel Cyclone V 5CSEMA5F31C6, 50 MHz oscillator; a Quartus project.</summary>
    public static FpgaTarget De1Soc { get; } = new(
        "de1-soc", "DE1-SoC", "5CSEMA5F31C6", FpgaFlowKind.Quartus, 50.0, "de1-soc.qsf", "synth_intel_alm -family cyclonev", LedsActiveLow: false,
        [
            new("ALUT", 64140, ["MISTRAL_ALUT*", "MISTRAL_NOT"]), // two per ALM (32,070 ALMs)
            new("FF", 128280, ["MISTRAL_FF"]),
            new("M10K", 397, ["MISTRAL_M10K"]),
            new("DSP", 87, ["MISTRAL_MUL*"]),
        ],
        "M10K", ["MISTRAL_M10K"], []);

    /// <summary>Every target, in the order --help lists them.</summary>
    public static IReadOnlyList<FpgaTarget> All { get; } = [Ice40Up5k, ArtyA735t, De1Soc];

    /// <summary>The target named <paramref name="name"/>.</summary>
    /// <exception cref="HwGenException">No target has that name.</exception>
    public static FpgaTarget Find(string name) =>
        All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal))
        ?? throw new HwGenException($"--target '{name}' is not a known board. Choose one of: {string.Join(", ", All.Select(t => t.Name))}.");
}
