using System.Text.Json;

namespace HwGen.Tests.Cli;

public class SampleCommandTests
{
    [Test]
    public void PrintsOneNamePerLineReproducibly()
    {
        var args = new[] { "sample", "--model", TestPaths.TalosModel, "--count", "7", "--seed", "3" };
        var r = CliInvocation.Run(args);
        Assert.That(r.ExitCode, Is.Zero, r.Stderr);
        var names = r.Stdout.Split('\n');
        Assert.That(names, Has.Length.EqualTo(8));
        Assert.That(names[^1], Is.Empty);
        Assert.That(names[..^1], Has.All.Match("^[a-z]{0,16}$"));
        Assert.That(CliInvocation.Run(args).Stdout, Is.EqualTo(r.Stdout));
        Assert.That(CliInvocation.Run([.. args[..^1], "4"]).Stdout, Is.Not.EqualTo(r.Stdout));
    }

    [Test]
    public void JsonListsTheSamplesAndSettings()
    {
        var r = CliInvocation.Run("sample", "--model", TestPaths.TalosModel, "--count", "3", "--greedy", "--json");
        Assert.That(r.ExitCode, Is.Zero, r.Stderr);
        var root = JsonDocument.Parse(r.Stdout).RootElement;
        var samples = root.GetProperty("samples").EnumerateArray().Select(s => s.GetString()).ToArray();
        Assert.That(samples, Has.Length.EqualTo(3));
        Assert.That(samples, Has.All.EqualTo(samples[0]), "greedy decoding is the same every time");
        Assert.That(root.GetProperty("greedy").GetBoolean(), Is.True);
        Assert.That(root.GetProperty("model").GetString(), Is.EqualTo("talos-v2-microgpt.safetensors"));
    }

    [Test]
    public void ZeroTemperatureIsRejected()
    {
        var r = CliInvocation.Run("sample", "--model", TestPaths.TalosModel, "--temperature", "0");
        Assert.That(r.ExitCode, Is.EqualTo(2));
        Assert.That(r.Stderr.TrimEnd(), Is.EqualTo("hwgen: error: temperature 0 must be a positive number; use --greedy for argmax decoding."));
    }
}
