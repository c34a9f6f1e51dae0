using HwGen.Tools;

namespace HwGen.Tests.Tools;

[Category("Tools")]
public class VerilatorDriverTests
{
    private const string ExpectedCounts = "count 3\ncount 8\ncount 15\ncount 24\ncount 27\n";

    [Test]
    public void BuildsRunsAndThenHitsTheCacheWithoutCallingVerilator()
    {
        var dir = ToolTestFiles.WriteCounter("verilator-counter");
        var driver = VerilatorDriver.Create(ToolTestFiles.SharedCache);
        var build = driver.Build(ToolTestFiles.CounterSpec(dir));
        Assert.That(File.Exists(build.Executable), Is.True);
        Assert.That(File.Exists(build.LogFile), Is.True);

        var run = VerilatorDriver.Run(build.Executable, [], TimeSpan.FromSeconds(30), workingDirectory: dir);
        Assert.That(run.Stdout, Is.EqualTo(ExpectedCounts));

        // A driver whose Verilator does not exist: only a cache hit can succeed.
        var offline = new VerilatorDriver(driver.Verilator with { Path = "/nonexistent/verilator" }, ToolTestFiles.SharedCache);
        var again = offline.Build(ToolTestFiles.CounterSpec(dir));
        Assert.That(again.CacheHit, Is.True);
        Assert.That(again.Executable, Is.EqualTo(build.Executable));
        Assert.That(again.Hash, Is.EqualTo(build.Hash));
    }

    [Test]
    public void TheCacheKeyCoversContentsFlagsAndVersion()
    {
        var dir = ToolTestFiles.WriteCounter("verilator-key");
        var driver = VerilatorDriver.Create(ToolTestFiles.SharedCache);
        var spec = ToolTestFiles.CounterSpec(dir);
        var hash = driver.Hash(spec);
        Assert.That(driver.Hash(spec), Is.EqualTo(hash));
        Assert.That(driver.Hash(spec with { ExtraFlags = ["--assert"] }), Is.Not.EqualTo(hash));
        Assert.That(new VerilatorDriver(driver.Verilator with { VersionText = "5.999" }, ToolTestFiles.SharedCache).Hash(spec), Is.Not.EqualTo(hash));
        File.AppendAllText(Path.Combine(dir, "counter.sv"), "// changed\n");
        Assert.That(driver.Hash(spec), Is.Not.EqualTo(hash));
    }

    [Test]
    public void ConcurrentBuildsOfOneDesignBuildOnceAndShareTheResult()
    {
        var dir = ToolTestFiles.WriteCounter("verilator-concurrent");
        var cache = TestPaths.NewTempDir("verilator-cache-concurrent");
        var driver = VerilatorDriver.Create(cache);
        var spec = ToolTestFiles.CounterSpec(dir);
        var builds = Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => driver.Build(spec)))).GetAwaiter().GetResult();
        Assert.That(builds.Count(b => !b.CacheHit), Is.EqualTo(1));
        Assert.That(builds.Select(b => b.Executable).Distinct().Count(), Is.EqualTo(1));
        Assert.That(Directory.GetDirectories(cache).Select(Path.GetFileName), Is.EquivalentTo(new[] { builds[0].Hash, "logs" }));
        var run = VerilatorDriver.Run(builds[0].Executable, ["5"], TimeSpan.FromSeconds(30), workingDirectory: dir);
        Assert.That(run.Stdout, Is.EqualTo(ExpectedCounts));
    }

    [Test]
    public void ABrokenDesignFailsWithTheParsedError()
    {
        var source = ToolTestFiles.WriteFile("verilator-broken", "broken.sv", ToolTestFiles.BrokenSv);
        var driver = VerilatorDriver.Create(TestPaths.NewTempDir("verilator-cache-broken"));
        var spec = new VerilatorBuildSpec([source], [], "broken");
        var e = Assert.Throws<ToolFailure>(() => driver.Build(spec));
        Assert.That(e!.ExitCode, Is.Not.EqualTo(0).And.Not.Null);
        Assert.That(e.Diagnostics, Has.Count.EqualTo(1));
        var d = e.Diagnostics[0];
        Assert.That((d.Severity, d.File, d.Line, d.Column), Is.EqualTo((DiagnosticSeverity.Error, source, 9, 1)));
        Assert.That(d.Message, Does.StartWith("syntax error, unexpected endmodule"));
        Assert.That(e.LogFile, Is.Not.Null);
        Assert.That(File.ReadAllText(e.LogFile!), Does.Contain("%Error: " + source + ":9:1: syntax error"));
        Assert.That(e.Message, Is.EqualTo($"verilator failed with exit code 1: {source}:9:1: error: {d.Message}. Log: {e.LogFile}."));
        Assert.That(e.CommandLine, Does.StartWith(driver.Verilator.Path + " --cc --exe --build"));
    }

    [Test]
    public void LintReportsWarningsWithCodesAndLocations()
    {
        var source = ToolTestFiles.WriteFile("verilator-lint", "warn.sv", ToolTestFiles.WarnSv);
        var lint = VerilatorDriver.Create(ToolTestFiles.SharedCache).Lint([source], "warn");
        Assert.That(lint.Clean, Is.False);
        var found = lint.Diagnostics.Select(d => (d.Severity, d.Code, d.File, d.Line, d.Column)).ToList();
        Assert.That(found, Is.EquivalentTo(new (DiagnosticSeverity, string?, string?, int?, int?)[]
        {
            (DiagnosticSeverity.Warning, "WIDTH", source, 6, 14),
            (DiagnosticSeverity.Warning, "UNUSEDSIGNAL", source, 2, 22),
            (DiagnosticSeverity.Warning, "UNUSEDSIGNAL", source, 3, 22),
        }));
        var e = Assert.Throws<HwGenException>(lint.EnsureClean);
        Assert.That(e!.Message, Does.StartWith($"verilator --lint-only reported 3 diagnostic(s), first: {source}:6:14: warning WIDTH: Operator ASSIGNW expects 4 bits"));
    }

    [Test]
    public void AWaiverFileSilencesWhatItNames()
    {
        var source = ToolTestFiles.WriteFile("verilator-waiver", "warn.sv", ToolTestFiles.WarnSv);
        var waiver = Path.Combine(Path.GetDirectoryName(source)!, "waiver.vlt");
        File.WriteAllText(waiver, "`verilator_config\n// The test design truncates on purpose.\nlint_off -rule WIDTH -file \"*/warn.sv\"\n");
        var lint = VerilatorDriver.Create(ToolTestFiles.SharedCache).Lint([source], "warn", waiver);
        Assert.That(lint.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "UNUSEDSIGNAL", "UNUSEDSIGNAL" }));
    }

    [Test]
    public void LintOfACleanDesignIsClean()
    {
        var dir = ToolTestFiles.WriteCounter("verilator-lint-clean");
        var lint = VerilatorDriver.Create(ToolTestFiles.SharedCache).Lint([Path.Combine(dir, "counter.sv")], "counter");
        Assert.That(lint.Diagnostics, Is.Empty, lint.Output);
        Assert.That(lint.Clean, Is.True);
        Assert.DoesNotThrow(lint.EnsureClean);
    }

    [Test]
    public void LintReturnsSyntaxErrors()
    {
        var source = ToolTestFiles.WriteFile("verilator-lint-broken", "broken.sv", ToolTestFiles.BrokenSv);
        var lint = VerilatorDriver.Create(ToolTestFiles.SharedCache).Lint([source], "broken");
        Assert.That(lint.ExitCode, Is.Not.EqualTo(0));
        Assert.That(lint.Diagnostics.Select(d => (d.Severity, d.Line, d.Column)), Is.EqualTo(new (DiagnosticSeverity, int?, int?)[] { (DiagnosticSeverity.Error, 9, 1) }));
    }

    [Test]
    public void ASimulationThatHangsIsStoppedAtItsTimeLimit()
    {
        var dir = ToolTestFiles.WriteCounter("verilator-spin");
        var build = VerilatorDriver.Create(ToolTestFiles.SharedCache).Build(ToolTestFiles.CounterSpec(dir));
        var e = Assert.Throws<ToolFailure>(() => VerilatorDriver.Run(build.Executable, ["spin"], TimeSpan.FromSeconds(1), dir));
        Assert.That(e!.TimedOut, Is.True);
        Assert.That(e.ExitCode, Is.Null);
        Assert.That(e.Message, Does.StartWith("counter_sim ran longer than 1 s and was stopped."));
    }

    [Test]
    public void ASimulationThatFailsCarriesItsExitCodeAndStderr()
    {
        var dir = ToolTestFiles.WriteCounter("verilator-fail");
        var build = VerilatorDriver.Create(ToolTestFiles.SharedCache).Build(ToolTestFiles.CounterSpec(dir));
        var e = Assert.Throws<ToolFailure>(() => VerilatorDriver.Run(build.Executable, ["fail"], TimeSpan.FromSeconds(30), dir));
        Assert.That(e!.ExitCode, Is.EqualTo(3));
        Assert.That(e.StderrTail, Is.EqualTo("watchdog 0 100"));
        Assert.That(e.Message, Is.EqualTo($"counter_sim failed with exit code 3: watchdog 0 100. Command: {build.Executable} fail"));
    }
}
