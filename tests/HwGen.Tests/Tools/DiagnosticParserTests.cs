using HwGen.Tools;

namespace HwGen.Tests.Tools;

/// <summary>The parsers on output captured from the real tools (Verilator 5.006, yosys 0.23, nextpnr-ice40 0.4).</summary>
public class DiagnosticParserTests
{
    private const string VerilatorWarnings = """
        %Warning-WIDTH: warn.sv:6:14: Operator ASSIGNW expects 4 bits on the Assign RHS, but Assign RHS's VARREF 'a_i' generates 8 bits.
                                    : ... In instance warn
            6 |   assign y_o = a_i;
              |              ^
                        ... For warning description see https://verilator.org/warn/WIDTH?v=5.006
                        ... Use "/* verilator lint_off WIDTH */" and lint_on around source to disable this message.
        %Warning-UNUSEDSIGNAL: warn.sv:2:22: Signal is not used: 'clk_i'
                                           : ... In instance warn
            2 |   input  logic       clk_i,
              |                      ^~~~~
        %Error: Exiting due to 1 warning(s)
        """;

    private const string VerilatorError = """
        %Error: broken.sv:9:1: syntax error, unexpected endmodule, expecting ',' or ';'
            9 | endmodule
              | ^~~~~~~~~
        %Error: Cannot continue
        """;

    private const string NextpnrLog = """
        Info: Device utilisation:
        Info: 	         ICESTORM_LC:    27/ 5280     0%
        Info: 	        ICESTORM_RAM:     0/   30     0%
        Info: 	               SB_IO:     6/   96     6%
        Info: 	      ICESTORM_SPRAM:     0/    4     0%

        Info: Max frequency for clock 'clk$SB_IO_IN_$glb_clk': 83.85 MHz (PASS at 12.00 MHz)
        Info: Routing..
        Info: Max frequency for clock 'clk$SB_IO_IN_$glb_clk': 79.76 MHz (PASS at 12.00 MHz)
        ERROR: package does not have a pin named '999' (on line 1)
        0 warnings, 1 errors
        ERROR: package does not have a pin named '999' (on line 1)
        """;

    [Test]
    public void VerilatorWarningsKeepCodeFileLineAndColumn()
    {
        var d = DiagnosticParser.ParseVerilator(VerilatorWarnings);
        Assert.That(d, Is.EqualTo(new[]
        {
            new ToolDiagnostic("verilator", DiagnosticSeverity.Warning, "WIDTH", "warn.sv", 6, 14,
                "Operator ASSIGNW expects 4 bits on the Assign RHS, but Assign RHS's VARREF 'a_i' generates 8 bits."),
            new ToolDiagnostic("verilator", DiagnosticSeverity.Warning, "UNUSEDSIGNAL", "warn.sv", 2, 22, "Signal is not used: 'clk_i'"),
        }));
        Assert.That(d[1].ToString(), Is.EqualTo("warn.sv:2:22: warning UNUSEDSIGNAL: Signal is not used: 'clk_i'"));
    }

    [Test]
    public void VerilatorErrorsWithoutACodeAreParsedAndSummariesSkipped()
    {
        var d = DiagnosticParser.ParseVerilator(VerilatorError);
        Assert.That(d, Is.EqualTo(new[]
        {
            new ToolDiagnostic("verilator", DiagnosticSeverity.Error, null, "broken.sv", 9, 1, "syntax error, unexpected endmodule, expecting ',' or ';'"),
        }));
    }

    [Test]
    public void VerilatorErrorsWithACodeAndNoLocationAreKept()
    {
        var d = DiagnosticParser.ParseVerilator("%Error-PINNOTFOUND: top.sv:4:8: Pin not found: 'x'\n%Error: Specified --top-module 'nope' was not found in design.\n");
        Assert.That(d.Select(x => (x.Code, x.File, x.Line, x.Column)), Is.EqualTo(new (string?, string?, int?, int?)[]
        {
            ("PINNOTFOUND", "top.sv", 4, 8),
            (null, null, null, null),
        }));
        Assert.That(d[1].Message, Is.EqualTo("Specified --top-module 'nope' was not found in design."));
    }

    [Test]
    public void YosysErrorsWithAndWithoutLocation()
    {
        var d = DiagnosticParser.ParseYosys("1. Executing Verilog-2005 frontend: broken.sv\nbroken.sv:9: ERROR: syntax error, unexpected TOK_ENDMODULE\nWarning: Replacing memory \\m with list of registers.\nERROR: Module `nope' not found!\n");
        Assert.That(d.Select(x => (x.Severity, x.File, x.Line, x.Message)), Is.EqualTo(new (DiagnosticSeverity, string?, int?, string)[]
        {
            (DiagnosticSeverity.Error, "broken.sv", 9, "syntax error, unexpected TOK_ENDMODULE"),
            (DiagnosticSeverity.Warning, null, null, "Replacing memory \\m with list of registers."),
            (DiagnosticSeverity.Error, null, null, "Module `nope' not found!"),
        }));
    }

    [Test]
    public void NextpnrErrorsAreReportedOnce()
    {
        var d = DiagnosticParser.ParseNextpnr(NextpnrLog);
        Assert.That(d, Is.EqualTo(new[]
        {
            new ToolDiagnostic("nextpnr-ice40", DiagnosticSeverity.Error, null, null, null, null, "package does not have a pin named '999' (on line 1)"),
        }));
    }

    [Test]
    public void NextpnrReportTakesUtilisationAndTheFinalFrequency()
    {
        var report = NextpnrReport.Parse(NextpnrLog);
        Assert.That(report.Utilisation.Keys, Is.EqualTo(new[] { "ICESTORM_LC", "ICESTORM_RAM", "ICESTORM_SPRAM", "SB_IO" }));
        Assert.That(report.Use("ICESTORM_LC"), Is.EqualTo(new DeviceUse(27, 5280)));
        Assert.That(report.Use("SB_IO"), Is.EqualTo(new DeviceUse(6, 96)));
        Assert.That(report.Use("ICESTORM_DSP"), Is.EqualTo(new DeviceUse(0, 0)));
        Assert.That(report.Clocks, Is.EqualTo(new[] { new ClockFrequency("clk$SB_IO_IN_$glb_clk", 79.76, 12.0, true) }));
        Assert.That(report.MaxFrequencyMHz, Is.EqualTo(79.76));
    }

    [Test]
    public void ALogWithoutUtilisationIsAClearError()
    {
        var e = Assert.Throws<HwGenException>(() => NextpnrReport.Parse("Info: nothing\n", "pnr.log"));
        Assert.That(e!.Message, Is.EqualTo("pnr.log has no 'Device utilisation' section; nextpnr did not get as far as packing the design."));
    }

    [Test]
    public void YosysStatOfOneModule()
    {
        const string log = """
            2.47. Printing statistics.

            === top ===

               Number of wires:                  5
               Number of wire bits:             78
               Number of memories:               0
               Number of memory bits:            0
               Number of processes:              0
               Number of cells:                 70
                 SB_CARRY                       22
                 SB_DFF                         24
                 SB_LUT4                        24

            2.48. Executing CHECK pass (checking for obvious problems).
            """;
        var stat = YosysStat.Parse(log);
        Assert.That(stat.Scope, Is.EqualTo("top"));
        Assert.That(stat.Cells, Is.EqualTo(70));
        Assert.That(stat.CellTypes, Is.EqualTo(new Dictionary<string, int> { ["SB_CARRY"] = 22, ["SB_DFF"] = 24, ["SB_LUT4"] = 24 }));
        var e = Assert.Throws<HwGenException>(() => YosysStat.Parse("nothing", "synth.log"));
        Assert.That(e!.Message, Is.EqualTo("synth.log has no 'Printing statistics' section; the yosys script must end with synth_* or stat."));
    }
}
