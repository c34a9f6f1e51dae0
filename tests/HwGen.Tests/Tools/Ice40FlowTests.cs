using HwGen.Tools;

namespace HwGen.Tests.Tools;

/// <summary>The open iCE40 flow on a tiny design: yosys, nextpnr-ice40 (UP5K, SG48) and icepack, for real.</summary>
[Category("Tools")]
public class Ice40FlowTests
{
    /// <summary>A 24-bit counter on the iCEBreaker's 12 MHz clock, its top 5 bits on 5 pins: 24 flip-flops.</summary>
    private const string BlinkySv = """
        module blinky (
          input  logic       clk,
          output logic [4:0] led
        );
          logic [23:0] count_q = '0;
          always_ff @(posedge clk) count_q <= count_q + 24'd1;
          assign led = count_q[23:19];
        endmodule
        """;

    /// <summary>Two 4-bit counters as instances of one submodule, kept apart (no flattening): 8 flip-flops in all.</summary>
    private const string HierSv = """
        module sub (input logic clk, output logic [3:0] q);
          logic [3:0] c = '0;
          always_ff @(posedge clk) c <= c + 4'd1;
          assign q = c;
        endmodule
        module hier (input logic clk, output logic [7:0] led);
          sub a (.clk(clk), .q(led[3:0]));
          sub b (.clk(clk), .q(led[7:4]));
        endmodule
        """;

    // iCEBreaker: 12 MHz clock on pin 35; LEDs and PMOD pins.
    private const string BlinkyPcf = """
        set_io clk 35
        set_io led[0] 39
        set_io led[1] 40
        set_io led[2] 41
        set_io led[3] 26
        set_io led[4] 27
        """;

    private static (string Dir, YosysResult Yosys) Synthesize(string name)
    {
        var dir = TestPaths.NewTempDir(name);
        File.WriteAllText(Path.Combine(dir, "blinky.sv"), BlinkySv + "\n");
        File.WriteAllText(Path.Combine(dir, "blinky.pcf"), BlinkyPcf + "\n");
        var script = new YosysScript().ReadSystemVerilog(["blinky.sv"]).Command("synth_ice40 -top blinky -json blinky.json");
        return (dir, YosysDriver.Create().Run(script, dir, "synth"));
    }

    [Test]
    public void SynthesisPlaceRouteAndPackMakeABitstreamAndAReport()
    {
        var (dir, yosys) = Synthesize("ice40-flow");
        Assert.That(File.ReadAllText(Path.Combine(dir, "synth.ys")), Is.EqualTo("read_verilog -sv blinky.sv\nsynth_ice40 -top blinky -json blinky.json\n"));
        Assert.That(yosys.Stat, Is.Not.Null);
        Assert.That(yosys.Stat!.Scope, Is.EqualTo("blinky"));
        Assert.That(yosys.Stat.Count("SB_DFF"), Is.EqualTo(24));
        Assert.That(yosys.Stat.Count("SB_LUT4"), Is.GreaterThan(0));
        Assert.That(yosys.Stat.Cells, Is.EqualTo(yosys.Stat.CellTypes.Values.Sum()));

        var spec = new NextpnrIce40Spec(Path.Combine(dir, "blinky.json"), Path.Combine(dir, "blinky.pcf"), Path.Combine(dir, "blinky.asc"), FrequencyMHz: 12);
        var pnr = NextpnrDriver.Create().PlaceAndRoute(spec, Path.Combine(dir, "nextpnr.log"));
        var report = pnr.Report;
        // UP5K totals from the iCE40 UltraPlus data sheet: 5280 LCs, 30 EBR, 4 SPRAM, 8 DSP.
        Assert.That(report.Use("ICESTORM_LC").Available, Is.EqualTo(5280));
        Assert.That(report.Use("ICESTORM_RAM"), Is.EqualTo(new DeviceUse(0, 30)));
        Assert.That(report.Use("ICESTORM_SPRAM"), Is.EqualTo(new DeviceUse(0, 4)));
        Assert.That(report.Use("ICESTORM_DSP"), Is.EqualTo(new DeviceUse(0, 8)));
        Assert.That(report.Use("ICESTORM_LC").Used, Is.GreaterThanOrEqualTo(24));
        Assert.That(report.Use("SB_IO").Used, Is.EqualTo(6), "clk and 5 LEDs");
        Assert.That(report.Clocks, Has.Count.EqualTo(1));
        Assert.That(report.Clocks[0].TargetMHz, Is.EqualTo(12.0));
        Assert.That(report.Clocks[0].Passed, Is.True);
        Assert.That(report.MaxFrequencyMHz, Is.GreaterThan(12.0));

        var bin = IcepackDriver.Create().Pack(spec.AscOutput, Path.Combine(dir, "blinky.bin"));
        // An iCE40UP5K bitstream is always 104,090 bytes.
        Assert.That(new FileInfo(bin).Length, Is.EqualTo(104090));
    }

    [Test]
    public void AMissedTargetFrequencyIsReportedAsFail()
    {
        var (dir, _) = Synthesize("ice40-fail");
        var spec = new NextpnrIce40Spec(Path.Combine(dir, "blinky.json"), Path.Combine(dir, "blinky.pcf"), Path.Combine(dir, "blinky.asc"),
            FrequencyMHz: 900, AllowTimingFailure: true);
        var report = NextpnrDriver.Create().PlaceAndRoute(spec, Path.Combine(dir, "nextpnr.log")).Report;
        Assert.That(report.Clocks.Single().Passed, Is.False);
        Assert.That(report.Clocks.Single().TargetMHz, Is.EqualTo(900.0));
        Assert.That(report.MaxFrequencyMHz, Is.LessThan(900.0));

        var strict = spec with { AllowTimingFailure = false, AscOutput = Path.Combine(dir, "strict.asc") };
        var e = Assert.Throws<ToolFailure>(() => NextpnrDriver.Create().PlaceAndRoute(strict, Path.Combine(dir, "strict.log")));
        Assert.That(e!.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Message), Has.Some.Contains("Max frequency for clock"));
    }

    [Test]
    public void ABadPinConstraintFailsWithNextpnrsError()
    {
        var (dir, _) = Synthesize("ice40-badpin");
        File.WriteAllText(Path.Combine(dir, "bad.pcf"), "set_io clk 999\n");
        var spec = new NextpnrIce40Spec(Path.Combine(dir, "blinky.json"), Path.Combine(dir, "bad.pcf"), Path.Combine(dir, "bad.asc"));
        var e = Assert.Throws<ToolFailure>(() => NextpnrDriver.Create().PlaceAndRoute(spec, Path.Combine(dir, "bad.log")));
        Assert.That(e!.Diagnostics.Select(d => (d.Severity, d.Message)), Is.EqualTo(new[]
        {
            (DiagnosticSeverity.Error, "package does not have a pin named '999' (on line 1)"),
            (DiagnosticSeverity.Error, "Loading PCF failed."),
        }));
        Assert.That(e.Message, Is.EqualTo($"nextpnr-ice40 failed with exit code {e.ExitCode}: error: package does not have a pin named '999' (on line 1) (and 1 more). Log: {Path.Combine(dir, "bad.log")}."));
    }

    [Test]
    public void YosysSyntaxErrorsAreParsed()
    {
        var dir = TestPaths.NewTempDir("yosys-broken");
        File.WriteAllText(Path.Combine(dir, "broken.sv"), ToolTestFiles.BrokenSv + "\n");
        var script = new YosysScript().ReadSystemVerilog(["broken.sv"]);
        var e = Assert.Throws<ToolFailure>(() => YosysDriver.Create().Run(script, dir));
        Assert.That(e!.Diagnostics.Select(d => (d.Severity, d.File, d.Line)), Is.EqualTo(new (DiagnosticSeverity, string?, int?)[] { (DiagnosticSeverity.Error, "broken.sv", 9) }));
        Assert.That(e.Diagnostics[0].Message, Does.StartWith("syntax error, unexpected"));
        Assert.That(e.Message, Is.EqualTo($"yosys failed with exit code 1: broken.sv:9: error: {e.Diagnostics[0].Message}. Log: {Path.Combine(dir, "yosys.log")}."));
    }

    [Test]
    public void YosysStatOfAHierarchyReportsTheDesignTotals()
    {
        var dir = TestPaths.NewTempDir("yosys-hier");
        File.WriteAllText(Path.Combine(dir, "hier.sv"), HierSv + "\n");
        var script = new YosysScript().ReadSystemVerilog(["hier.sv"]).Command("synth_ice40 -top hier -noflatten");
        var stat = YosysDriver.Create().Run(script, dir).Stat!;
        Assert.That(stat.Scope, Is.EqualTo("design hierarchy"));
        Assert.That(stat.Count("SB_DFF"), Is.EqualTo(8));
        Assert.That(stat.Count("sub"), Is.EqualTo(0), "the hierarchy lines are not cell types");
        Assert.That(stat.Cells, Is.EqualTo(stat.CellTypes.Values.Sum()));
    }

    [Test]
    public void IcarusReadsAStampedMemFile()
    {
        // $readmemh must skip the "// Generated by HwGen ..." line of a .mem file (Verilator's side is the counter test).
        var dir = ToolTestFiles.WriteCounter("iverilog-mem");
        File.WriteAllText(Path.Combine(dir, "tb.sv"), """
            module tb;
              logic [7:0] mem [0:3];  // mem [4] works too, with a warning from Icarus about address order
              initial begin
                $readmemh("counter.mem", mem);
                $display("%0d %0d %0d %0d", mem[0], mem[1], mem[2], mem[3]);
              end
            endmodule

            """);
        Assert.That(File.ReadAllText(Path.Combine(dir, "counter.mem")), Does.StartWith("// Generated by HwGen "));
        // CI installs Icarus too, so that generated ROM images are checked with a second simulator.
        var iverilog = ToolLocator.Default.Find(KnownTools.Iverilog);
        var compile = ProcessRunner.Run(new ProcessSpec(iverilog.Path, ["-g2012", "-o", "tb.vvp", "tb.sv"], dir, Timeout: TimeSpan.FromSeconds(60)));
        Assert.That(compile.ExitCode, Is.EqualTo(0), compile.Stderr);
        var vvp = ToolLocator.Default.Find(KnownTools.Vvp);
        var run = ProcessRunner.Run(new ProcessSpec(vvp.Path, ["-n", "tb.vvp"], dir, Timeout: TimeSpan.FromSeconds(60)));
        Assert.That(run.Stdout, Is.EqualTo("3 5 7 9\n"));
        Assert.That(run.Stderr, Is.Empty);
    }
}
