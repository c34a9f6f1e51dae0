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
        Assert.That(lines[5], Does.Match(@"^cycles by stage, start to done of every sample \(\d+ tokens\):$"));
        Assert.That(lines[6], Does.Match(@"^  stage +per token +per step +share$"));
        Assert.That(lines[7], Does.Match(@"^  embedding +\d+\.\d +\d+\.\d +\d+\.\d%$"));
        Assert.That(lines.Select(l => l.Trim().Split(' ')[0]), Does.Contain("lm_head").And.Contain("layer0.attention").And.Contain("sampling").And.Contain("total"));
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
        var stages = json.GetProperty("stages").EnumerateArray().ToArray();
        Assert.That(stages[0].GetProperty("stage").GetString(), Is.EqualTo("embedding"));
        Assert.That(stages.Select(s => s.GetProperty("stage").GetString()), Does.Contain("sampling"));
        Assert.That(stages.Sum(s => s.GetProperty("cycles").GetInt64()), Is.EqualTo(json.GetProperty("total_cycles").GetInt64()), "back-to-back samples from cycle 0: every cycle in one stage");
    }

    [Test]
    public void NoSamplesIsOneLineError()
    {
        var r = CliInvocation.Run("simulate", "--model", TestPaths.TalosModel, "--samples", "0");

        Assert.That(r.ExitCode, Is.EqualTo(2));
        Assert.That(r.Stderr, Is.EqualTo($"hwgen: error: --samples is 0; give at least 1 sample.{Environment.NewLine}"));
    }
}
