using System.Text.Json;
using HwGen.Fpga;
using HwGen.Reporting;

namespace HwGen.Tests.Reporting;

public sealed class ReportFilesTests
{
    [Test]
    public void ReportJsonRoundTrips()
    {
        var report = ReportFixtures.Report();
        var json = ReportFiles.ToJson(report);
        var back = ReportFiles.FromJson(json, "test");
        Assert.That(ReportFiles.ToJson(back), Is.EqualTo(json));
        Assert.That(back.StageCycles, Is.EqualTo(report.StageCycles));
        Assert.That(back.Resources, Is.EqualTo(report.Resources));
        Assert.That(back.Throughput, Is.EqualTo(report.Throughput));
        Assert.That(back.Sites, Is.EqualTo(report.Sites));
        Assert.That(back.Tensors[1].SnrDb, Is.Null);
        Assert.That(back with { Tensors = report.Tensors, Sites = report.Sites, StageCycles = report.StageCycles, Throughput = report.Throughput, Resources = report.Resources, Names = report.Names, Notes = report.Notes },
            Is.EqualTo(report));
        using var doc = JsonDocument.Parse(json);
        Assert.That(doc.RootElement.GetProperty("cycles_per_token").GetDouble(), Is.EqualTo(1165.4));
        Assert.That(doc.RootElement.GetProperty("stage_cycles")[1].GetProperty("label").GetString(), Is.EqualTo("layer0.q"));
    }

    [Test]
    public void WriteLeavesThePageAndJsonAndHwGensMarker()
    {
        var dir = Path.Combine(TestPaths.NewTempDir("report-files"), "out");
        var page = ReportFiles.Write(dir, ReportFixtures.Report());
        Assert.That(page, Is.EqualTo(Path.Combine(dir, "report.html")));
        Assert.That(Directory.GetFileSystemEntries(dir).Select(Path.GetFileName).Order(), Is.EqualTo(new[] { ".hwgen-plan", "report.html", "report.json" }));
        Assert.That(File.ReadAllText(page), Is.EqualTo(ReportPage.Render(ReportFixtures.Report())));
        Assert.That(ReportPageTests.Charts(ReportPageTests.Parse(File.ReadAllText(page))), Has.Count.EqualTo(2));
    }

    [Test]
    public void ASecondReportReplacesTheFirstButNotAFolderOfOtherFiles()
    {
        var dir = Path.Combine(TestPaths.NewTempDir("report-files"), "out");
        ReportFiles.Write(dir, ReportFixtures.Report());
        var second = ReportFixtures.Report() with { CyclesPerToken = 999.5 };
        ReportFiles.Write(dir, second);
        Assert.That(File.ReadAllText(Path.Combine(dir, "report.json")), Is.EqualTo(ReportFiles.ToJson(second)));

        var mine = TestPaths.NewTempDir("report-files");
        File.WriteAllText(Path.Combine(mine, "notes.txt"), "keep");
        var e = Assert.Throws<HwGenException>(() => ReportFiles.Write(mine, ReportFixtures.Report()))!;
        Assert.That(e.Message, Is.EqualTo($"Output folder {mine} already holds files HwGen did not write. Choose another --out or empty it."));
        Assert.That(Directory.GetFileSystemEntries(mine).Select(Path.GetFileName), Is.EqualTo(new[] { "notes.txt" }));
    }

    [Test]
    public void AnOutputThatIsAFileIsOneErrorAndStaysAsItWas()
    {
        var file = Path.Combine(TestPaths.NewTempDir("report-files"), "out");
        File.WriteAllText(file, "keep");
        var e = Assert.Throws<HwGenException>(() => ReportFiles.Write(file, ReportFixtures.Report()))!;
        Assert.That(e.Message, Is.EqualTo($"Output folder {file} is a file. Choose another --out."));
        Assert.That(File.ReadAllText(file), Is.EqualTo("keep"));
    }

    [Test]
    public void SynthReportIsReadFromItsFolderOrFile()
    {
        var dir = TestPaths.NewTempDir("report-synth");
        var synth = ReportFixtures.Synth(4, "0123456789abcdef0123");
        File.WriteAllText(Path.Combine(dir, "report.json"), JsonSerializer.Serialize(synth, ReportJson.Options));
        foreach (var path in new[] { dir, Path.Combine(dir, "report.json") })
        {
            var back = SynthReportFile.Load(path);
            Assert.That(back.Resources, Is.EqualTo(synth.Resources));
            Assert.That(back.Timing, Is.EqualTo(synth.Timing));
            Assert.That((back.Lanes, back.Model, back.Board, back.Device, back.Clock), Is.EqualTo((synth.Lanes, synth.Model, synth.Board, synth.Device, synth.Clock)));
        }
    }

    [Test]
    public void MissingSynthReportIsOneError()
    {
        var dir = TestPaths.NewTempDir("report-synth");
        var e = Assert.Throws<HwGenException>(() => SynthReportFile.Load(dir))!;
        Assert.That(e.Message, Is.EqualTo($"{Path.Combine(dir, "report.json")}: synth report not found; give --synth a hwgen synth output folder or its report.json."));
    }

    [Test]
    public void ABadSynthReportIsOneError()
    {
        var file = Path.Combine(TestPaths.NewTempDir("report-synth"), "report.json");
        File.WriteAllText(file, "{\"cycles\": 3}");
        var e = Assert.Throws<HwGenException>(() => SynthReportFile.Load(file))!;
        Assert.That(e.Message, Does.StartWith($"{file}: not a hwgen synth report ("));
        Assert.That(e.Message, Does.EndWith("); give --synth the report.json hwgen synth wrote."));
        Assert.That(e.Message, Does.Not.Contain("\n"));
    }
}
