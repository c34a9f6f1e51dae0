using System.Text.Json;
using HwGen.Fpga;
using HwGen.Rendering;
using HwGen.Simulation;
using HwGen.Tests.Simulation;

namespace HwGen.Tests.Fpga;

/// <summary>
/// The real iCE40 flow (yosys, nextpnr-ice40, icepack) and the vendor project flows on the fixture
/// core; each build runs once and its report is shared by the tests.
/// </summary>
[Category("Fpga")]
public class SynthFlowTests
{
    private string _root = "";
    private SynthReport _ice40 = null!;
    private SynthReport _arty = null!;
    private SynthReport _de1 = null!;

    private static SynthFlow Flow() => new(templates: FpgaFixture.Templates, constraintsFolder: FpgaFixture.Constraints, verilator: VerilatorFixture.Driver);

    /// <summary>Cycles per token of the fixture core, simulated with the sim branch's runner as hwgen synth does.</summary>
    private static CycleReport FixtureCycles(string dir)
    {
        var core = FpgaFixture.Core();
        var design = new DesignSources(dir, core.Sources, CoreDesign.TopModule, core.Config, core.Origin);
        var stimulus = Enumerable.Range(0, 8).Select(i => new SampleStimulus(i, SampleLoop.Default.SeedOf(i), 128, false, 0, [])).ToArray();
        var run = VerilatorFixture.Runner().Simulate(design, stimulus, SimulationOptions.Default, Path.Combine(_workRoot, $"cycles-{Guid.NewGuid():N}"));
        var c = run.Results.CyclesPerToken;
        return new CycleReport(8, c.Count, c.Mean, c.Min, c.Max);
    }

    private static string _workRoot = "";

    [OneTimeSetUp]
    public void Build()
    {
        _root = TestPaths.NewTempDir("synth");
        _workRoot = TestPaths.NewTempDir("synth-work");
        var core = FpgaFixture.Core();
        _ice40 = Flow().Run(new SynthRequest(core, FpgaTargets.Ice40Up5k, 48, UartSettings.DefaultBaud, SampleLoop.Default, Path.Combine(_root, "ice40")), FixtureCycles);
        _arty = Flow().Run(new SynthRequest(core, FpgaTargets.ArtyA735t, null, UartSettings.DefaultBaud, SampleLoop.Default, Path.Combine(_root, "arty")));
        _de1 = Flow().Run(new SynthRequest(core, FpgaTargets.De1Soc, null, UartSettings.DefaultBaud, SampleLoop.Default, Path.Combine(_root, "de1")));
    }

    [Test]
    public void Ice40_build_leaves_a_bitstream_logs_and_the_report()
    {
        var dir = Path.Combine(_root, "ice40");
        Assert.That(_ice40.Out, Is.EqualTo(dir));
        foreach (var file in _ice40.Files)
            Assert.That(File.Exists(Path.Combine(dir, file)), Is.True, file);
        var bin = File.ReadAllBytes(Path.Combine(dir, "hwgen_top.bin"));
        // Every iCE40 bitstream starts its configuration with the sync word 7E AA 99 7E.
        Assert.That(Convert.ToHexString(bin.AsSpan(0, 64)), Does.Contain("7EAA997E"));
        Assert.That(File.Exists(Path.Combine(dir, BuildPlan.MarkerFile)), Is.True);
        var written = JsonSerializer.Deserialize<SynthReport>(File.ReadAllText(Path.Combine(dir, SynthReport.FileName)), ReportJson.Options)!;
        Assert.That(JsonSerializer.Serialize(written, ReportJson.Options), Is.EqualTo(JsonSerializer.Serialize(_ice40, ReportJson.Options)));
        Assert.That(Directory.GetDirectories(_root, ".ice40.*"), Is.Empty, "no staging folder left behind");
    }

    [Test]
    public void Ice40_report_has_the_pll_clock_resources_and_timing()
    {
        Assert.That(_ice40.Clock, Is.EqualTo(new ClockReport(48, 48, "DIVR 0, DIVF 63, DIVQ 4, FILTER_RANGE 1")));
        Assert.That(_ice40.Uart, Is.EqualTo("115200 baud (divisor 417, -0.08%)"));
        Assert.That(_ice40.Estimate, Is.False);
        var byName = _ice40.Resources.ToDictionary(r => r.Name);
        Assert.That(byName.Keys, Is.EqualTo(new[] { "LC", "FF", "EBR", "SPRAM", "DSP", "IO" }));
        Assert.That((byName["LC"].Available, byName["LC"].Source), Is.EqualTo((5280, "nextpnr")));
        Assert.That(byName["LC"].Used, Is.InRange(50, 1000));
        Assert.That(byName["IO"].Used, Is.EqualTo(5), "clk_i, btn_ni, uart_tx_o, led_o[1:0]");
        Assert.That(byName["DSP"].Used, Is.EqualTo(0));
        Assert.That(_ice40.Timing!.TargetMhz, Is.EqualTo(48));
        Assert.That(_ice40.Timing.Met, Is.EqualTo(_ice40.Timing.FmaxMhz >= 48));
        Assert.That(_ice40.Timing.FmaxMhz, Is.GreaterThan(20));
    }

    [Test]
    public void The_fixture_rom_is_reported_where_it_landed()
    {
        // 32 words of 5 bits: yosys puts it in one EBR.
        Assert.That(_ice40.Weights.Memories, Is.EqualTo(1));
        Assert.That(_ice40.Weights.Placement, Is.EqualTo(_ice40.Weights.BlockRams > 0 ? "EBR" : "LUT ROM"));
        Assert.That(_ice40.Weights.WeightBits, Is.EqualTo(4192 * 16));
    }

    [Test]
    public void Tokens_per_second_is_fmax_over_the_simulated_cycles_per_token()
    {
        var c = _ice40.CyclesPerToken!;
        // Fixture: names ava, isabella, emma, olivia twice = 2 * (3 + 8 + 4 + 6) tokens, 29 cycles each (27 logits, choose, emit).
        Assert.That((c.Samples, c.Tokens), Is.EqualTo((8, 42)));
        Assert.That((c.Min, c.Max), Is.EqualTo((29L, 29L)));
        Assert.That(_ice40.TokensPerSecond, Is.EqualTo(Math.Round(_ice40.Timing!.FmaxMhz * 1e6 / c.Mean)));
        Assert.That(_ice40.TokensPerSecondAtClock, Is.EqualTo(Math.Round(48e6 / c.Mean)));
    }

    [Test]
    public void Several_placer_seeds_keep_the_highest_fmax_and_only_its_files()
    {
        var dir = Path.Combine(_root, "ice40-seeds");
        var r = Flow().Run(new SynthRequest(FpgaFixture.Core(), FpgaTargets.Ice40Up5k, 48, UartSettings.DefaultBaud, SampleLoop.Default, dir, PlacerSeeds: 3));

        var note = r.Notes.Single(n => n.StartsWith("Placed with nextpnr seeds", StringComparison.Ordinal));
        var m = System.Text.RegularExpressions.Regex.Match(note, @"^Placed with nextpnr seeds 1 to 3 \(Fmax ([0-9.]+) MHz, ([0-9.]+) MHz, ([0-9.]+) MHz\); the bitstream and pnr.log are seed ([123])'s\.$");
        Assert.That(m.Success, Is.True, note);
        var fmax = Enumerable.Range(1, 3).Select(i => double.Parse(m.Groups[i].Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var kept = int.Parse(m.Groups[4].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(r.Timing!.FmaxMhz, Is.EqualTo(fmax.Max()));
        Assert.That(fmax[kept - 1], Is.EqualTo(fmax.Max()));
        Assert.That(Array.IndexOf(fmax, fmax.Max()) + 1, Is.EqualTo(kept), "the lowest seed of equals");
        // The kept pnr.log is the kept placement's: its last Fmax line is the report's.
        var log = HwGen.Tools.NextpnrReport.Parse(File.ReadAllText(Path.Combine(dir, "pnr.log")));
        Assert.That(log.MaxFrequencyMHz, Is.EqualTo(r.Timing.FmaxMhz));
        Assert.That(Directory.GetFiles(dir, "*seed*"), Is.Empty, "the other placements are removed");
        Assert.That(File.Exists(Path.Combine(dir, "hwgen_top.bin")), Is.True);
    }

    [Test]
    public void Placer_seeds_outside_the_range_or_for_a_vendor_board_are_refused_before_any_work()
    {
        var dir = Path.Combine(_root, "seeds-refused");
        var none = Assert.Throws<HwGenException>(() => Flow().Run(new SynthRequest(FpgaFixture.Core(), FpgaTargets.Ice40Up5k, null, UartSettings.DefaultBaud, SampleLoop.Default, dir, PlacerSeeds: 0)))!;
        Assert.That(none.Message, Is.EqualTo("--pnr-seeds 0: give 1 to 32 placements."));
        var vendor = Assert.Throws<HwGenException>(() => Flow().Run(new SynthRequest(FpgaFixture.Core(), FpgaTargets.ArtyA735t, null, UartSettings.DefaultBaud, SampleLoop.Default, dir, PlacerSeeds: 2)))!;
        Assert.That(vendor.Message, Is.EqualTo("--pnr-seeds 2: arty-a7-35t is placed by its vendor's tool, not here; leave out --pnr-seeds."));
        Assert.That(Directory.Exists(dir), Is.False);
    }

    [Test]
    public void Vivado_project_is_written_and_estimated()
    {
        var dir = Path.Combine(_root, "arty");
        var tcl = File.ReadAllText(Path.Combine(dir, "build.tcl"));
        Assert.That(tcl, Does.Contain("synth_design -top hwgen_top -part xc7a35ticsg324-1L"));
        Assert.That(tcl, Does.Contain("  fixture_names.mem"));
        Assert.That(tcl, Does.Contain("write_bitstream -force hwgen_top.bit"));
        Assert.That(File.ReadAllText(Path.Combine(dir, "arty-a7-35t.xdc")), Does.Contain("PACKAGE_PIN D10"));
        Assert.That(_arty.Files, Is.EqualTo(new[] { "build.tcl", "arty-a7-35t.xdc", "estimate.log", "lint.log", "report.json" }));
        foreach (var file in _arty.Files)
            Assert.That(File.Exists(Path.Combine(dir, file)), Is.True, file);
        Assert.That(_arty.Estimate, Is.True);
        Assert.That(_arty.Timing, Is.Null);
        Assert.That(_arty.Resources.Select(r => r.Name), Is.EqualTo(new[] { "LUT", "FF", "BRAM36", "BRAM18", "DSP" }));
        Assert.That(_arty.Resources[0].Used, Is.GreaterThan(10));
        Assert.That(_arty.Notes, Does.Contain("Resources are yosys estimates, not vendor results."));
        if (HwGen.Tools.ToolLocator.Default.TryFind(new HwGen.Tools.ToolSpec("vivado", null, "Vivado", [], "")) is null)
            Assert.That(_arty.Notes[0], Is.EqualTo($"Vivado (vivado) is not installed on this machine, so no bitstream was built. The project is in {dir}; build it there with: vivado -mode batch -source build.tcl"));
    }

    [Test]
    public void Quartus_project_is_written_and_estimated()
    {
        var dir = Path.Combine(_root, "de1");
        var qsf = File.ReadAllText(Path.Combine(dir, "hwgen_top.qsf"));
        Assert.That(qsf, Does.Contain("set_global_assignment -name DEVICE 5CSEMA5F31C6"));
        Assert.That(qsf, Does.Contain("set_location_assignment PIN_AF14 -to clk_i"));
        Assert.That(qsf, Does.Contain("set_global_assignment -name SYSTEMVERILOG_FILE hwgen_top.sv"));
        Assert.That(File.ReadAllText(Path.Combine(dir, "hwgen_top.sdc")), Does.Contain("create_clock -name clk_i -period 20.000 [get_ports {clk_i}]"));
        Assert.That(_de1.Files, Is.EqualTo(new[] { "hwgen_top.qpf", "hwgen_top.qsf", "hwgen_top.sdc", "estimate.log", "lint.log", "report.json" }));
        foreach (var file in _de1.Files)
            Assert.That(File.Exists(Path.Combine(dir, file)), Is.True, file);
        Assert.That(_de1.Estimate, Is.True);
        Assert.That(_de1.Resources.Select(r => r.Name), Is.EqualTo(new[] { "ALUT", "FF", "M10K", "DSP" }));
        Assert.That(_de1.Resources[0].Used, Is.GreaterThan(10));
    }

    [Test]
    public void A_folder_with_foreign_files_is_refused_and_left_alone()
    {
        var dir = TestPaths.NewTempDir("foreign");
        File.WriteAllText(Path.Combine(dir, "notes.txt"), "mine");
        var e = Assert.Throws<HwGenException>(() => Flow().Run(new SynthRequest(FpgaFixture.Core(), FpgaTargets.ArtyA735t, null, UartSettings.DefaultBaud, SampleLoop.Default, dir)));
        Assert.That(e!.Message, Is.EqualTo($"Output folder {dir} already holds files HwGen did not write. Choose another --out or empty it."));
        Assert.That(Directory.GetFileSystemEntries(dir), Is.EqualTo(new[] { Path.Combine(dir, "notes.txt") }));
    }

    [Test]
    public void A_failed_build_leaves_the_previous_output_and_keeps_its_logs_aside()
    {
        var dir = Path.Combine(_root, "de1");
        var before = File.ReadAllText(Path.Combine(dir, SynthReport.FileName));
        var good = FpgaFixture.Core();
        var broken = good with
        {
            Files = [.. good.Files.Select(f => f.Path == "hwgen_core.sv" ? new PlannedFile(f.Path, "module hwgen_core (;\nendmodule\n"u8.ToArray()) : f)],
        };
        var e = Assert.Throws<HwGenException>(() => Flow().Run(new SynthRequest(broken, FpgaTargets.De1Soc, null, UartSettings.DefaultBaud, SampleLoop.Default, dir)));
        var kept = Path.Combine(_root, ".de1.failed");
        Assert.That(e!.Message, Does.StartWith("yosys failed"));
        Assert.That(e.Message, Does.EndWith($"The files of the failed run are in {kept}."));
        Assert.That(e.Message, Does.Not.Contain(".build-"));
        Assert.That(File.Exists(Path.Combine(kept, "estimate.log")), Is.True);
        Assert.That(File.ReadAllText(Path.Combine(dir, SynthReport.FileName)), Is.EqualTo(before));
        Assert.That(Directory.GetDirectories(_root, ".de1.build-*"), Is.Empty);
    }
}
