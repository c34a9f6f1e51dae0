using HwGen.Exploration;
using HwGen.Fpga;
using HwGen.Rendering;

namespace HwGen.Tests.Exploration;

public class ResultCacheTests
{
    private string _dir = null!;

    [SetUp]
    public void MakeFolder() => _dir = TestPaths.NewTempDir("explore-cache");

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void AStoredPointComesBackMarkedFromTheCache()
    {
        var cache = new ResultCache(_dir);
        var point = ExploreSamples.Point(4, 1234.5, ExploreSamples.Ice40(3000, 30.5), pareto: true);

        cache.Store(point);
        var loaded = cache.TryLoad(point.Key);

        Assert.That(loaded, Is.Not.Null);
        Assert.That(loaded!.FromCache, Is.True);
        Assert.That(loaded.Pareto, Is.False, "the front is marked anew for every run");
        Assert.That(loaded.ToJsonForTest(), Is.EqualTo((point with { FromCache = true, Pareto = false }).ToJsonForTest()));
        Assert.That(cache.TryLoad("another"), Is.Null);
        Assert.That(Directory.GetFiles(_dir).Select(Path.GetFileName), Is.EqualTo(new[] { "key4.json" }), "no temporary file left");
    }

    [Test]
    public void ADamagedEntryIsAMiss()
    {
        var cache = new ResultCache(_dir);
        File.WriteAllText(Path.Combine(_dir, "key4.json"), "{\"lanes\": 4, ");

        Assert.That(cache.TryLoad("key4"), Is.Null);
    }

    [Test]
    public void TheKeyCoversTheDesignFilesTheSettingsAndTheTools()
    {
        var settings = new ExploreSettings([1, 2], FpgaTargets.ArtyA735t);
        BuildPlan Design(string rom) => new BuildPlan("m").AddBytes("weights.mem", System.Text.Encoding.ASCII.GetBytes(rom));
        string[] tools = ["verilator 5.020", "yosys 0.23"];
        var key = ResultCache.Key("sha", 2, settings, Design("0001\n"), tools);

        Assert.That(ResultCache.Key("sha", 2, settings, Design("0001\n"), tools), Is.EqualTo(key), "same inputs, same key");
        string[] others =
        [
            ResultCache.Key("sha", 2, settings, Design("0002\n"), tools),
            ResultCache.Key("sha2", 2, settings, Design("0001\n"), tools),
            ResultCache.Key("sha", 4, settings, Design("0001\n"), tools),
            ResultCache.Key("sha", 2, settings with { Target = FpgaTargets.Ice40Up5k }, Design("0001\n"), tools),
            ResultCache.Key("sha", 2, settings with { Target = null }, Design("0001\n"), tools),
            ResultCache.Key("sha", 2, settings with { Samples = 100 }, Design("0001\n"), tools),
            ResultCache.Key("sha", 2, settings with { VerifySamples = 10 }, Design("0001\n"), tools),
            ResultCache.Key("sha", 2, settings with { Seed = 7 }, Design("0001\n"), tools),
            ResultCache.Key("sha", 2, settings with { Temperature = 1.0 }, Design("0001\n"), tools),
            ResultCache.Key("sha", 2, settings, Design("0001\n"), ["verilator 5.020", "yosys 0.40"]),
        ];
        Assert.That(others, Has.None.EqualTo(key));
        Assert.That(others.Distinct().Count(), Is.EqualTo(others.Length));
        Assert.That(ResultCache.Key("sha", 2, settings with { Jobs = 2 }, Design("0001\n"), tools), Is.EqualTo(key), "parallelism does not change a result");
    }
}

internal static class PointJson
{
    public static string ToJsonForTest(this PointResult p) => System.Text.Json.JsonSerializer.Serialize(p, ReportJson.Options);
}
