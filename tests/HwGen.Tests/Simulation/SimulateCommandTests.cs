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
    public void JsonHasTheNamesAndCycleFigures()
    {
        var r = CliInvocation.Run("simulate", "--model", TestPaths.TalosModel, "--samples", "4", "--lanes", "4", "--seed", "7", "--json");
        var golden = CliInvocation.Run("sample", "--fixed", "--model", TestPaths.TalosModel, "--count", "4", "--seed", "7");

        Assert.That(r.ExitCode, Is.Zero, r.Stderr);
        var json = System.Text.Json.JsonDocument.Parse(r.Stdout).RootElement;
        var names = json.GetProperty("names").EnumerateArray().Select(n => n.GetString() + Environment.NewLine);
        Assert.That(string.Concat(names), Is.EqualTo(golden.Stdout));
        var cycles = json.GetProperty("cycles_per_token");
        Assert.That(cycles.GetProperty("min").GetInt64(), Is.LessThanOrEqualTo(cycles.GetProperty("max").GetInt64()));
        Assert.That(cycles.GetProperty("tokens").GetInt32(), Is.EqualTo(names.Sum(n => n.Length - Environment.NewLine.Length)));
        Assert.That(json.GetProperty("lanes").GetInt32(), Is.EqualTo(4));
    }

    [Test]
    public void NoSamplesIsOneLineError()
    {
        var r = CliInvocation.Run("simulate", "--model", TestPaths.TalosModel, "--samples", "0");

        Assert.That(r.ExitCode, Is.EqualTo(2));
        Assert.That(r.Stderr, Is.EqualTo($"hwgen: error: --samples is 0; give at least 1 sample.{Environment.NewLine}"));
    }
}
