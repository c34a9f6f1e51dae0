using System.Text.Json;
using HwGen.Tests.Cli;

namespace HwGen.Tests.Golden;

public class FixedCliTests
{
    [Test]
    public void EvalFixedQ412ReportsTheLogitSaturations()
    {
        var run = CliInvocation.Run("eval", "--model", TestPaths.TalosModel, "--golden", TestPaths.TalosGolden, "--fixed", "--format", "Q4.12", "--json");
        Assert.That(run.ExitCode, Is.Zero, run.Stderr);
        using var doc = JsonDocument.Parse(run.Stdout);
        var root = doc.RootElement;
        // Logits up to 15.8 clip at 8 in Q4.12.
        Assert.That(root.GetProperty("comparison").GetProperty("max_abs_error").GetDouble(), Is.GreaterThan(7));
        var fixedReport = root.GetProperty("fixed");
        Assert.That(fixedReport.GetProperty("logit_format").GetString(), Is.EqualTo("Q4.12"));
        var logits = fixedReport.GetProperty("sites").EnumerateArray().Single(s => s.GetProperty("site").GetString() == "logits");
        Assert.That(logits.GetProperty("events").GetInt64(), Is.GreaterThan(0));
    }

    [Test]
    public void EvalFixedAutoWithNamesCalibrationMeetsTheGoldenTargets()
    {
        var run = CliInvocation.Run("eval", "--model", TestPaths.TalosModel, "--golden", TestPaths.TalosGolden, "--fixed", "--calibration", TestPaths.NamesCorpus);
        Assert.That(run.ExitCode, Is.Zero, run.Stderr);
        Assert.That(run.Stdout, Does.Contain("top-1 agreement: 1.000000 (585/585)"));
        Assert.That(run.Stdout, Does.Contain("fixed point:     formats auto, logits Q6.10, 0 saturation events"));
    }

    [Test]
    public void SampleFixedIsReproducibleAndGreedyIsOneName()
    {
        var a = CliInvocation.Run("sample", "--model", TestPaths.TalosModel, "--fixed", "--format", "Q5.11", "-n", "5", "--seed", "3");
        var b = CliInvocation.Run("sample", "--model", TestPaths.TalosModel, "--fixed", "--format", "Q5.11", "-n", "5", "--seed", "3");
        Assert.That(a.ExitCode, Is.Zero, a.Stderr);
        Assert.That(a.Stdout, Is.EqualTo(b.Stdout));
        Assert.That(a.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(5));
        var greedy = CliInvocation.Run("sample", "--model", TestPaths.TalosModel, "--fixed", "--format", "Q5.11", "-n", "3", "--greedy");
        Assert.That(greedy.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Distinct().Count(), Is.EqualTo(1));
    }

    [Test]
    public void BenchReportsTheMedianOfItsRuns()
    {
        var run = CliInvocation.Run("bench", "--model", TestPaths.TalosModel, "--format", "Q5.11", "--tokens", "2000", "--runs", "3", "--warmup", "0", "--json");
        Assert.That(run.ExitCode, Is.Zero, run.Stderr);
        using var doc = JsonDocument.Parse(run.Stdout);
        var rates = doc.RootElement.GetProperty("tokens_per_second").EnumerateArray().Select(e => e.GetDouble()).Order().ToArray();
        Assert.That(rates, Has.Length.EqualTo(3));
        Assert.That(doc.RootElement.GetProperty("median_tokens_per_second").GetDouble(), Is.EqualTo(rates[1]));
    }

    [Test]
    public void BenchRefusesZeroRuns()
    {
        var run = CliInvocation.Run("bench", "--model", TestPaths.TalosModel, "--format", "Q5.11", "--runs", "0");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Stderr.Trim(), Is.EqualTo("hwgen: error: bench needs --tokens >= 1 and --runs >= 1 and --warmup >= 0 (got 1000000, 0, 1)."));
    }
}
