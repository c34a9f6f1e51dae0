using System.Globalization;
using HwGen.Fpga;
using HwGen.Golden;
using HwGen.Model;
using HwGen.Quantization;
using HwGen.Rendering;
using HwGen.Rtl;
using HwGen.Tests.Simulation;
using HwGen.Tools;

namespace HwGen.Tests.Fpga;

/// <summary>
/// The board top simulated with Verilator: a C++ bench (uart_tb.cpp) decodes the UART pin at the
/// wrapper's bit time and prints the lines; they must be the names the core generates.
/// </summary>
[Category("Fpga")]
public class UartSimulationTests
{
    private static string Bench => Path.Combine(TestPaths.RepoRoot, "tests", "HwGen.Tests", "Fpga", "uart_tb.cpp");

    /// <summary>Builds the board top of <paramref name="board"/> with the bench and returns the lines it printed.</summary>
    internal static IReadOnlyList<string> PrintedLines(BoardDesign board, int lines, long maxCycles)
    {
        var dir = FpgaFixture.Write(board, "uart");
        var build = VerilatorFixture.Driver.Build(new VerilatorBuildSpec(
            board.Sources.Select(s => Path.Combine(dir, s)).ToList(), [Bench], BoardDesign.TopModule, "uart_tb"));
        var run = VerilatorDriver.Run(build.Executable,
            [board.Uart.Divisor.ToString(CultureInfo.InvariantCulture), lines.ToString(CultureInfo.InvariantCulture), maxCycles.ToString(CultureInfo.InvariantCulture)],
            TimeSpan.FromMinutes(5), dir);
        var output = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(output[^1], Does.StartWith("end "), run.Stdout);
        return output.Where(l => l.StartsWith("line ", StringComparison.Ordinal)).Select(l => l[5..]).ToList();
    }

    [Test]
    public void The_fixture_core_names_come_out_of_the_uart_pin()
    {
        var board = FpgaFixture.Board(FpgaTargets.Ice40Up5k);
        Assert.That(board.Uart.Divisor, Is.EqualTo(104));
        var printed = PrintedLines(board, 6, 2_000_000);
        // Seeds 42, 43, ...: the fixture prints name (seed mod 4).
        var expected = Enumerable.Range(0, 6).Select(i => FpgaFixture.Names[(42 + i) % 4]).ToArray();
        Assert.That(printed, Is.EqualTo(expected));
    }

    [Test]
    public void The_generated_core_prints_the_golden_models_names()
    {
        var weights = HwGen.Model.SafeTensors.Load(TestPaths.DefaultModel);
        var plan = PlanFactory.Create(weights, "auto", null);
        var rtl = RtlGenerator.Generate(plan, new RtlOptions(4, "test"));
        var core = CoreDesign.FromRtl(rtl, plan.Config, "test");
        var loop = SampleLoop.For(7, 0.5, false);
        var board = BoardWrapper.Generate(core, FpgaTargets.Ice40Up5k, ClockPlan.For(FpgaTargets.Ice40Up5k, core.Arch, null),
            UartSettings.DefaultBaud, loop, FpgaFixture.Templates, FpgaFixture.Constraints);
        const int count = 5;
        var printed = PrintedLines(board, count, 20_000_000);

        var sampler = new FixedSampler(new FixedGpt(plan));
        var expected = Enumerable.Range(0, count)
            .Select(i => new Vocabulary(plan.Config).Decode(sampler.Generate(loop.SeedOf(i), loop.TemperatureCode, false).Tokens))
            .ToArray();
        Assert.That(printed, Is.EqualTo(expected), $"printed: {string.Join(",", printed)}; golden: {string.Join(",", expected)}");
    }
}
