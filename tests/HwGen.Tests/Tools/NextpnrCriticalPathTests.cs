using HwGen.Tools;

namespace HwGen.Tests.Tools;

/// <summary>The critical path nextpnr reports after routing, read from its log (lines as nextpnr-ice40 0.4 writes them).</summary>
public class NextpnrCriticalPathTests
{
    private const string Log = """
        Info: Device utilisation:
        Info: 	         ICESTORM_LC:  5203/ 5280    98%

        Info: Critical path report for clock 'clk' (posedge -> posedge):
        Info: curr total
        Info:  1.4  1.4  Source u_printer.u_core.u_step.pc_q_SB_DFFSR_Q_DFFLC.O
        Info:  4.0  5.4    Net u_printer.u_core.u_step.pc_q[1] budget 2.955000 ns (11,27) -> (22,26)
        Info:                Sink u_printer.u_core.u_step.col_d_SB_LUT4_O_LC.I3
        Info:  0.1  5.5  Setup u_printer.u_core.u_step.col_d_SB_LUT4_O_LC.I3
        Info: 1.5 ns logic, 4.0 ns routing

        Info: Max frequency for clock 'clk': 35.10 MHz (PASS at 30.00 MHz)
        Info: Routing..
        Info: Critical path report for clock 'clk' (posedge -> posedge):
        Info: curr total
        Info:  1.4  1.4  Source u_printer.u_core.u_step.u_lastcolpos_SB_DFFSR_Q_D_SB_LUT4_O_LC.O
        Info:  4.0  5.4    Net u_printer.u_core.u_step.u_acs[1] budget 2.955000 ns (11,27) -> (22,26)
        Info:                Sink u_printer.u_core.u_step.u_relu_SB_LUT4_I1_O_SB_LUT4_O_LC.I3
        Info:                Defined in:
        Info:                  /usr/bin/../share/yosys/ice40/cells_map.v:6.21-6.22
        Info:  0.9  6.3  Source u_printer.u_core.u_step.u_relu_SB_LUT4_I1_O_SB_LUT4_O_LC.O
        Info:  1.8  8.1    Net u_printer.u_core.u_step.u_relu[1] budget 2.955000 ns (22,26) -> (22,26)
        Info:                Sink u_printer.u_core.u_step.col_d_SB_LUT4_O_I2_SB_LUT4_O_LC.I2
        Info:  1.2  9.3  Source u_printer.u_core.u_step.col_d_SB_LUT4_O_I2_SB_LUT4_O_LC.O
        Info:  3.6 12.9    Net u_printer.u_core.u_step.col_d[0] budget 2.954000 ns (18,26) -> (20,20)
        Info:                Sink u_printer.u_core.u_step.u_aps_SB_LUT4_I2_O_SB_LUT4_O_LC.CEN
        Info:  0.1 13.0  Setup u_printer.u_core.u_step.u_aps_SB_LUT4_I2_O_SB_LUT4_O_LC.CEN
        Info: 3.6 ns logic, 9.4 ns routing

        Info: Critical path report for cross-domain path '<async>' -> 'posedge clk':
        Info: curr total
        Info:  0.0  0.0  Source btn_ni$sb_io.D_IN_0
        Info:  8.7  8.7    Net btn_ni$SB_IO_IN budget 32.178001 ns (16,0) -> (1,30)
        Info:                Sink btn_ni_SB_LUT4_I2_LC.I2
        Info:  1.2  9.9  Setup btn_ni_SB_LUT4_I2_LC.I2
        Info: 1.2 ns logic, 8.7 ns routing

        Info: Max frequency for clock 'clk': 33.43 MHz (PASS at 30.00 MHz)
        """;

    [Test]
    public void TheLastReportOfTheClockIsTakenWithItsEndsAndDelaySplit()
    {
        var report = NextpnrReport.Parse(Log);
        Assert.That(report.CriticalPaths, Is.EqualTo(new[]
        {
            new CriticalPath("clk", "u_printer.u_core.u_step.u_lastcolpos", "u_printer.u_core.u_step.u_aps", 3, 3.6, 9.4),
        }));
        Assert.That(report.SlowestPath, Is.SameAs(report.CriticalPaths[0]));
    }

    [Test]
    public void ALogWithoutPathReportsHasNone()
    {
        var report = NextpnrReport.Parse("Info: Device utilisation:\nInfo: \t         ICESTORM_LC:    27/ 5280     0%\n");
        Assert.That((report.CriticalPaths.Count, report.SlowestPath), Is.EqualTo((0, (CriticalPath?)null)));
    }

    [TestCase("u_printer.u_core.u_step.col_d_SB_LUT4_O_I2_SB_LUT4_O_LC.O", "u_printer.u_core.u_step.col_d")]
    [TestCase("u_printer.rst_ni_SB_DFF_Q_DFFLC.O", "u_printer.rst_ni")]
    [TestCase("btn_ni$sb_io.D_IN_0", "btn_ni")]
    [TestCase("u_core.u_step.acc_q.O", "u_core.u_step.acc_q")]
    public void CellNamesLoseYosysSuffixesAndThePin(string cell, string expected) =>
        Assert.That(CriticalPath.Shorten(cell), Is.EqualTo(expected));
}
