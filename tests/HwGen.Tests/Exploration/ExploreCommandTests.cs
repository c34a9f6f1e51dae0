using HwGen.Tests.Cli;

namespace HwGen.Tests.Exploration;

/// <summary>Bad input to <c>hwgen explore</c>: one line on stderr, exit code 2, nothing on stdout, before any work.</summary>
public class ExploreCommandTests
{
    private static void AssertUserError(CliInvocation r, string message)
    {
        Assert.That(r.ExitCode, Is.EqualTo(2));
        Assert.That(r.Stderr, Is.EqualTo($"hwgen: error: {message}{Environment.NewLine}"));
        Assert.That(r.Stdout, Is.Empty);
    }

    [Test]
    public void ABadLanesListIsOneLine() => AssertUserError(
        CliInvocation.Run("explore", "--model", TestPaths.TalosModel, "--lanes", "0,3x"),
        "--lanes '0,3x': 0 is not a lane count from 1 to 4096; give a comma-separated list of lane counts from 1 to 4096, e.g. --lanes 1,2,4,8.");

    [Test]
    public void AnUnknownTargetIsOneLine() => AssertUserError(
        CliInvocation.Run("explore", "--model", TestPaths.TalosModel, "--lanes", "1,2", "--target", "zynq"),
        "--target 'zynq' is not a known board. Choose one of: ice40-up5k, arty-a7-35t, de1-soc.");

    [Test]
    public void AMissingModelIsOneLine()
    {
        var missing = Path.Combine(TestPaths.Shared, "models", "no-such-model.safetensors");
        AssertUserError(CliInvocation.Run("explore", "--model", missing, "--lanes", "1"),
            $"{missing}: model file not found; check the --model path.");
    }

    [TestCase("--samples", "0", "--samples 0: give at least 1 sample per point.")]
    [TestCase("--verify-samples", "0", "--verify-samples 0: give at least 1 sample; every point is verified before it is measured.")]
    [TestCase("--jobs", "0", "--jobs 0: give 1 or more points to evaluate at the same time.")]
    [TestCase("--tool-timeout", "0", "--tool-timeout 0: give 1 or more minutes.")]
    public void BadCountsAreOneLine(string option, string value, string message) => AssertUserError(
        CliInvocation.Run("explore", "--model", TestPaths.TalosModel, "--lanes", "1", option, value), message);

    [Test]
    public void AnOutputFolderOfOtherFilesIsRefusedBeforeAnyWork()
    {
        var dir = TestPaths.NewTempDir("explore-out");
        File.WriteAllText(Path.Combine(dir, "notes.txt"), "mine");
        try
        {
            AssertUserError(CliInvocation.Run("explore", "--model", TestPaths.TalosModel, "--lanes", "1", "--out", dir),
                $"Output folder {dir} already holds files HwGen did not write. Choose another --out or empty it.");
            Assert.That(Directory.GetFiles(dir).Select(Path.GetFileName), Is.EqualTo(new[] { "notes.txt" }));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}

/// <summary><c>hwgen explore</c> end to end with the real Verilator (no yosys): --json and --out.</summary>
[Category("Verilator")]
public class ExploreCommandHardwareTests
{
    [Test]
    public void JsonIsOneObjectAndOutHoldsThePageAndTheSameJson()
    {
        var dir = Path.Combine(TestPaths.NewTempDir("explore-cli"), "out");
        try
        {
            var r = CliInvocation.Run("explore", "--model", TestPaths.TalosModel, "--lanes", "1,2", "--no-estimate", "--samples", "20",
                "--verify-samples", "12", "--seed", "5", "--json", "--out", dir);

            Assert.That(r.ExitCode, Is.Zero, r.Stderr);
            var json = System.Text.Json.JsonDocument.Parse(r.Stdout).RootElement;
            var points = json.GetProperty("points").EnumerateArray().ToList();
            Assert.That(points.Select(p => p.GetProperty("lanes").GetInt32()), Is.EqualTo(new[] { 1, 2 }));
            Assert.That(points.Select(p => p.GetProperty("passed").GetBoolean()), Is.All.True);
            Assert.That(points.Select(p => p.GetProperty("cycles_per_token").GetDouble()), Is.EqualTo(points.Select(p => p.GetProperty("predicted_cycles_per_token").GetDouble())));
            Assert.That(json.GetProperty("reference").GetProperty("label").GetString(), Is.EqualTo("published figures"));
            Assert.That(File.ReadAllText(Path.Combine(dir, "explore.json")), Is.EqualTo(r.Stdout.ReplaceLineEndings("\n")));
            var page = System.Xml.Linq.XDocument.Parse(File.ReadAllText(Path.Combine(dir, "explore.html")).Replace("<!DOCTYPE html>", ""));
            Assert.That(page.Root!.Name.LocalName, Is.EqualTo("html"));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(dir)!, recursive: true);
        }
    }
}
