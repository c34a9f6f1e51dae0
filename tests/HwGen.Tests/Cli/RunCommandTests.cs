using HwGen.Cli.Commands;

namespace HwGen.Tests.Cli;

public class RunCommandTests
{
    [Test]
    public void SamplesTwentyNamesAtTemperatureHalf()
    {
        var r = CliInvocation.Run("run", "--model", TestPaths.TalosModel, "--seed", "5");
        Assert.That(r.ExitCode, Is.Zero, r.Stderr);
        var sampled = CliInvocation.Run("sample", "--model", TestPaths.TalosModel, "--seed", "5", "--count", "20", "--temperature", "0.5");
        Assert.That(r.Stdout, Is.EqualTo(sampled.Stdout));
        Assert.That(r.Stdout.Split('\n'), Has.Length.EqualTo(21));
        Assert.That(r.Stderr, Is.EqualTo($"hwgen run: stage 1/2: load model{Environment.NewLine}hwgen run: stage 2/2: sample{Environment.NewLine}"));
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
