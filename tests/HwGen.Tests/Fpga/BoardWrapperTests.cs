using HwGen.Fpga;
using HwGen.Tests.Simulation;
using HwGen.Tools;

namespace HwGen.Tests.Fpga;

[Category("Verilator")]
public class BoardWrapperTests
{
    [Test]
    public void The_wrapper_is_generated_from_csharp_numbers()
    {
        var board = FpgaFixture.Board(FpgaTargets.Ice40Up5k, 48);
        var files = board.WrapperFiles.ToDictionary(f => f.Path, f => f.Text);
        Assert.That(files.Keys, Is.EqualTo(new[] { "hwgen_uart_tx.sv", "hwgen_name_printer.sv", "hwgen_ice40_pll.sv", "hwgen_top.sv" }));
        Assert.That(files["hwgen_ice40_pll.sv"], Does.Contain(".DIVF        (7'b0111111)"));
        Assert.That(files["hwgen_name_printer.sv"], Does.Contain(".Divisor(417)"));
        Assert.That(files["hwgen_name_printer.sv"], Does.Contain("5'd25: token_char = 8'h7a; // 'z'"));
        Assert.That(files["hwgen_name_printer.sv"], Does.Contain("localparam logic [31:0] SeedBase    = 32'h0000002a;"));
        Assert.That(files["hwgen_top.sv"], Does.Contain("assign led_o = ~{name_toggle, rst_n};"));
        Assert.That(board.Sources, Is.EqualTo(new[] { "fixture_rom.sv", "hwgen_core.sv", "hwgen_uart_tx.sv", "hwgen_name_printer.sv", "hwgen_ice40_pll.sv", "hwgen_top.sv" }));
    }

    [TestCase("ice40-up5k", 12.0)]
    [TestCase("ice40-up5k", 48.0)]
    [TestCase("arty-a7-35t", null)]
    [TestCase("de1-soc", null)]
    public void The_wrapper_lints_clean(string targetName, double? mhz)
    {
        var board = FpgaFixture.Board(FpgaTargets.Find(targetName), mhz);
        var dir = FpgaFixture.Write(board, "lint");
        var yosys = ToolLocator.Default.TryFind(KnownTools.Yosys);
        var lint = WrapperLint.Run(VerilatorFixture.Driver, board, dir, yosys?.Path);
        Assert.That(lint.WrapperDiagnostics, Is.Empty);
        Assert.That(lint.CoreDiagnostics, Is.Empty, File.ReadAllText(lint.LogFile));
        Assert.That(lint.Top, Is.EqualTo(yosys is null && mhz == 48.0 ? "hwgen_name_printer" : "hwgen_top"));
    }
}
