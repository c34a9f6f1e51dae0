using HwGen.Tests.Cli;

namespace HwGen.Tests.Simulation;

[Category("Verilator")]
public class SimulateCommandTests
{
    [Test]
    public void GreedyNamesAreTheGoldenModelsAndCyclesArePrinted()
    {
        var r = CliInvocation.Run("simulate", "--model", TestPaths.TalosModel, "--samples", "3", "--lanes", "4", "--greedy", "--prompt", "e");
        var golden = CliInvocation.Run("sample", "--fixed", "--model", TestPaths.TalosModel, "--count", "1", "--greedy");

        Assert.That(r.ExitCode, Is.Zero, r.Stderr);
        var lines = r.Stdout.Split(Environment.NewLine);
        Assert.That(lines[0], Does.StartWith("e"), "the prompt is part of the name");
        Assert.That(lines[1], Is.EqualTo(lines[0]), "greedy: every sample is the same");
        Assert.That(lines[3], Does.Match(@"^cycles per token: mean \d+\.\d, min \d+, max \d+ \(\d+ tokens, 4 lane\(s\)\)$"));
        Assert.That(lines[4], Does.Match(@"^simulated \d+ cycles in \d+\.\d\d s \(\d+ tokens/s\); Verilator build (cached|\d+\.\d s)$"));
        var plain = CliInvocation.Run("simulate", "--model", TestPaths.TalosModel, "--samples", "1", "--lanes", "4", "--greedy");
        Assert.That(plain.Stdout.Split(Environment.NewLine)[0] + Environment.NewLine, Is.EqualTo(golden.Stdout));
    }

    [Test]
    public void NoSamplesIsOneLineError()
    {
        var r = CliInvocation.Run("simulate", "--model", TestPaths.TalosModel, "--samples", "0");

        Assert.That(r.ExitCode, Is.EqualTo(2));
        Assert.That(r.Stderr, Is.EqualTo($"hwgen: error: --samples is 0; give at least 1 sample.{Environment.NewLine}"));
    }
}
