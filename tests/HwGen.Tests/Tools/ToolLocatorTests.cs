using HwGen.Tools;

namespace HwGen.Tests.Tools;

public class ToolLocatorTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] vars) =>
        name => vars.FirstOrDefault(v => v.Name == name).Value;

    private static string Script(string dir, string name, string versionLine)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, $"#!/bin/sh\necho '{versionLine}'\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    [Test]
    public void AMissingToolNamesThePackageToInstall()
    {
        var emptyPath = TestPaths.NewTempDir("locator-empty");
        var locator = new ToolLocator(Env(("PATH", emptyPath)));
        var e = Assert.Throws<HwGenException>(() => locator.Find(KnownTools.Verilator));
        Assert.That(e!.Message, Is.EqualTo("verilator not found on PATH or in HWGEN_VERILATOR. Install it: sudo apt-get install verilator"));
        var icepack = Assert.Throws<HwGenException>(() => locator.Find(KnownTools.Icepack));
        Assert.That(icepack!.Message, Is.EqualTo("icepack not found on PATH or in HWGEN_ICEPACK. Install it: sudo apt-get install fpga-icestorm"));
        Assert.That(locator.TryFind(KnownTools.Yosys), Is.Null);
        var gxx = Assert.Throws<HwGenException>(() => locator.Find(KnownTools.Gxx));
        Assert.That(gxx!.Message, Is.EqualTo("g++ not found on PATH. Install it: sudo apt-get install g++"));
    }

    [Test]
    public void TheEnvironmentVariableWinsOverPath()
    {
        var dir = TestPaths.NewTempDir("locator-override");
        var onPath = Path.Combine(dir, "bin");
        Directory.CreateDirectory(onPath);
        Script(onPath, "verilator", "Verilator 5.006 2023-01-22 rev (Debian 5.006-3)");
        var chosen = Script(dir, "my-verilator", "Verilator 5.020 2024-01-01 rev v5.020");
        var info = new ToolLocator(Env(("PATH", onPath), ("HWGEN_VERILATOR", chosen))).Find(KnownTools.Verilator);
        Assert.That(info.Path, Is.EqualTo(chosen));
        Assert.That(info.VersionText, Is.EqualTo("5.020"));
        Assert.That(info.Version, Is.EqualTo(new Version(5, 20)));

        var fromPath = new ToolLocator(Env(("PATH", onPath))).Find(KnownTools.Verilator);
        Assert.That(fromPath.Path, Is.EqualTo(Path.Combine(onPath, "verilator")));
        Assert.That(fromPath.VersionText, Is.EqualTo("5.006"));
    }

    [Test]
    public void AnOldVerilatorIsRefused()
    {
        var dir = TestPaths.NewTempDir("locator-old");
        var old = Script(dir, "verilator", "Verilator 4.038 2020-07-11 rev v4.036-114-g0cd4a57ad");
        var e = Assert.Throws<HwGenException>(() => new ToolLocator(Env(("HWGEN_VERILATOR", old))).Find(KnownTools.Verilator));
        Assert.That(e!.Message, Is.EqualTo(
            $"verilator at {old} is version 4.038; HwGen needs 5.0 or newer. Install a newer one (sudo apt-get install verilator) or point HWGEN_VERILATOR at one."));
    }

    [Test]
    public void AVariablePointingNowhereIsAClearError()
    {
        var e = Assert.Throws<HwGenException>(() => new ToolLocator(Env(("HWGEN_YOSYS", "/nonexistent/yosys"))).Find(KnownTools.Yosys));
        Assert.That(e!.Message, Is.EqualTo("HWGEN_YOSYS is set to '/nonexistent/yosys', which is not an executable file. Point it at the yosys program or unset it to use PATH."));
    }

    [Test]
    public void AProgramThatIsNotTheToolIsRefused()
    {
        var dir = TestPaths.NewTempDir("locator-impostor");
        var impostor = Script(dir, "yosys", "hello");
        var e = Assert.Throws<HwGenException>(() => new ToolLocator(Env(("HWGEN_YOSYS", impostor))).Find(KnownTools.Yosys));
        Assert.That(e!.Message, Is.EqualTo(
            $"{impostor} does not look like yosys: '{impostor} -V' printed 'hello'. Point HWGEN_YOSYS at yosys or install it: sudo apt-get install yosys"));
    }

    [Test]
    [Category("Tools")]
    public void TheInstalledToolsAreFoundAndTheirVersionsRecorded()
    {
        var locator = new ToolLocator();
        var verilator = locator.Find(KnownTools.Verilator);
        Assert.That(verilator.Version, Is.GreaterThanOrEqualTo(new Version(5, 0)));
        Assert.That(verilator.VersionText, Does.Match(@"^5\.\d{3}$"));
        Assert.That(locator.Find(KnownTools.Yosys).VersionText, Does.Match(@"^0\.\d+"));
        Assert.That(locator.Find(KnownTools.NextpnrIce40).VersionText, Does.Match(@"^\d"));
        Assert.That(locator.Find(KnownTools.Icepack).VersionText, Is.EqualTo("unknown"));
        Assert.That(locator.Find(KnownTools.Make).Version, Is.Not.Null);
        Assert.That(locator.Find(KnownTools.Gxx).Version, Is.Not.Null);
        Assert.That(locator.Found.Select(t => t.Name), Is.EqualTo(new[] { "g++", "icepack", "make", "nextpnr-ice40", "verilator", "yosys" }));
    }
}
