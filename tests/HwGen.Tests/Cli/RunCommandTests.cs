using HwGen.Cli.Commands;

namespace HwGen.Tests.Cli;

public class RunCommandTests
{
    [Test]
    [Category("Verilator")]
    public void RunsTheWholeFlowAndPrintsTheHardwaresNamesCyclesAndVerdict()
    {
        var r = CliInvocation.Run("run", "--model", TestPaths.TalosModel, "--seed", "5");
        var golden = CliInvocation.Run("sample", "--fixed", "--model", TestPaths.TalosModel, "--seed", "5", "--count", "20", "--temperature", "0.5");

        var lines = r.Stdout.Split(Environment.NewLine);
        // The names are the golden model's, as sample --fixed prints them: the hardware made them.
        Assert.That(string.Join(Environment.NewLine, lines.Take(20)) + Environment.NewLine, Is.EqualTo(golden.Stdout));
        Assert.That(lines[20], Does.Match(@"^cycles per token: mean \d+\.\d, min \d+, max \d+ \(\d+ tokens, 4 lane\(s\)\)$"));
        Assert.That(lines[21], Does.Match(@"^samples 20, tokens \d+, steps \d+, logits compared \d+, mismatches 0$"));
        Assert.That(lines[22], Does.Match(@"^cycle model: \d+ cycle counts compared \(every stage of every step, every token and done cycle\), 0 differ$"));
        Assert.That(lines[23], Is.EqualTo("verdict: PASS (the hardware equals the golden model bit for bit; the cycle model predicts every cycle count)"));
        Assert.That(lines, Has.Length.EqualTo(25));
        Assert.That(r.ExitCode, Is.Zero, r.Stderr);
        var stages = new[] { "load model", "quantize", "generate", "verilate", "simulate", "verify" };
        Assert.That(r.Stderr, Is.EqualTo(string.Concat(stages.Select((s, i) => $"hwgen run: stage {i + 1}/6: {s}{Environment.NewLine}"))));
    }

    [Test]
    public void MissingModelIsOneLineError()
    {
        var missing = Path.Combine(TestPaths.NewTempDir("run"), "none.safetensors");
        var r = CliInvocation.Run("run", "--model", missing);
        Assert.That(r.ExitCode, Is.EqualTo(2));
        Assert.That(r.Stdout, Is.Empty);
        Assert.That(r.Stderr, Is.EqualTo($"hwgen: error: {missing}: model file not found; check the --model path.{Environment.NewLine}"));
    }

    [Test]
    public void MissingDefaultModelSaysItIsNotShippedYet()
    {
        var missing = Path.Combine(TestPaths.NewTempDir("run"), "microgpt-names.safetensors");
        var e = Assert.Throws<HwGenException>(() => ModelFiles.RequireExists(new FileInfo(missing), missing))!;
        Assert.That(e.Message, Is.EqualTo($"{missing}: the default model microgpt-names.safetensors is not there (it has not been trained and shipped yet); give a model with --model FILE."));
    }
}
