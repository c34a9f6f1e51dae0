using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using HwGen.Fpga;
using HwGen.Quantization;
using HwGen.Reporting;
using HwGen.Rtl;
using HwGen.Tests.Cli;

namespace HwGen.Tests.Reporting;

public sealed class ReportCommandTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static string TalosSha => QuantizedOutput.Sha256(TestPaths.TalosModel);

    private static string WriteSynth(SynthReport synth)
    {
        var dir = TestPaths.NewTempDir("report-cli-synth");
        File.WriteAllText(Path.Combine(dir, "report.json"), JsonSerializer.Serialize(synth, ReportJson.Options));
        return dir;
    }

    private static void AssertOneLineError(CliInvocation r, string message, string outDir)
    {
        Assert.That(r.ExitCode, Is.EqualTo(2));
        Assert.That(r.Stdout, Is.Empty);
        Assert.That(r.Stderr, Is.EqualTo($"hwgen: error: {message}{Environment.NewLine}"));
        Assert.That(Directory.Exists(outDir), Is.False, "nothing written");
    }

    [Test]
    public void TargetAndSynthTogetherAreRefused()
    {
        var outDir = Path.Combine(TestPaths.NewTempDir("report-cli"), "out");
        var r = CliInvocation.Run("report", "--model", TestPaths.TalosModel, "--out", outDir, "--target", "ice40-up5k", "--synth", outDir);
        AssertOneLineError(r, "report takes --target (build for a board now) or --synth (an existing synth report), not both.", outDir);
    }

    [Test]
    public void MissingSynthReportIsRefusedBeforeAnyStage()
    {
        var outDir = Path.Combine(TestPaths.NewTempDir("report-cli"), "out");
        var missing = Path.Combine(TestPaths.NewTempDir("report-cli"), "none");
        var r = CliInvocation.Run("report", "--model", TestPaths.TalosModel, "--out", outDir, "--synth", missing);
        AssertOneLineError(r, $"{missing}: synth report not found; give --synth a hwgen synth output folder or its report.json.", outDir);
    }

    [Test]
    public void ASynthReportOfOtherLanesIsRefused()
    {
        var outDir = Path.Combine(TestPaths.NewTempDir("report-cli"), "out");
        var synth = WriteSynth(ReportFixtures.Synth(1, TalosSha));
        var r = CliInvocation.Run("report", "--model", TestPaths.TalosModel, "--out", outDir, "--synth", synth, "--lanes", "4");
        AssertOneLineError(r, $"--synth {synth}: the synth report is for 1 lane(s), this run uses 4; give --lanes 1 or a synth report built with --lanes 4.", outDir);
    }

    [Test]
    public void ASynthReportOfAnotherModelIsRefused()
    {
        var outDir = Path.Combine(TestPaths.NewTempDir("report-cli"), "out");
        var synth = WriteSynth(ReportFixtures.Synth(4, "00000000000000000000"));
        var r = CliInvocation.Run("report", "--model", TestPaths.TalosModel, "--out", outDir, "--synth", synth, "--lanes", "4");
        AssertOneLineError(r, $"--synth {synth}: the synth report is for another model (talos-v2-microgpt.safetensors (sha256 0000000000000000), formats auto); give the report of a synth run of talos-v2-microgpt.safetensors.", outDir);
    }

    [Test]
    public void AGoldenFileOfAnotherModelIsRefusedBeforeAnyStage()
    {
        var outDir = Path.Combine(TestPaths.NewTempDir("report-cli"), "out");
        var r = CliInvocation.Run("report", "--model", TestPaths.TalosModel, "--out", outDir, "--golden", TestPaths.Wide2Golden);
        Assert.That(r.ExitCode, Is.EqualTo(2));
        Assert.That(r.Stderr, Does.StartWith("hwgen: error: "));
        Assert.That(r.Stderr, Does.EndWith($"does not match the model {TestPaths.TalosModel} (n_embd 16, n_head 4, n_layer 1, block 16, vocab 27, bos 26); give the golden file made for this model.{Environment.NewLine}"));
        Assert.That(r.Stderr.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(1));
        Assert.That(Directory.Exists(outDir), Is.False);
    }

    [Test]
    public void AnOutputThatIsAFileIsRefused()
    {
        var file = Path.Combine(TestPaths.NewTempDir("report-cli"), "out");
        File.WriteAllText(file, "keep");
        var r = CliInvocation.Run("report", "--model", TestPaths.TalosModel, "--out", file);
        Assert.That(r.ExitCode, Is.EqualTo(2));
        Assert.That(r.Stderr, Is.EqualTo($"hwgen: error: Output folder {file} is a file. Choose another --out.{Environment.NewLine}"));
        Assert.That(File.ReadAllText(file), Is.EqualTo("keep"));
    }

    [Test]
    [Category("Verilator")]
    public void WritesAWellFormedPageWhoseChartsHoldTheRunsDataAndAJsonThatRoundTrips()
    {
        var outDir = Path.Combine(TestPaths.NewTempDir("report-cli"), "out");
        var synth = ReportFixtures.Synth(4, TalosSha);
        var r = CliInvocation.Run("report", "--model", TestPaths.TalosModel, "--out", outDir, "--lanes", "4", "--samples", "3", "--synth", WriteSynth(synth));
        Assert.That(r.ExitCode, Is.Zero, r.Stderr);
        Assert.That(r.Stdout, Does.EndWith($"report: {Path.Combine(outDir, "report.html")} (and report.json beside it){Environment.NewLine}"));
        Assert.That(r.Stdout, Does.Contain("verdict: PASS"));

        var page = ReportPageTests.Parse(File.ReadAllText(Path.Combine(outDir, "report.html")));
        var charts = ReportPageTests.Charts(page);
        Assert.That(charts, Has.Count.EqualTo(3));
        var tokens = ReportPageTests.Chart(page, "Tokens per second");
        Assert.That(ReportPageTests.Labels(tokens), Is.EqualTo(new[] { "This design on iCEBreaker", "TALOS-V2 (published, Cyclone V)" }));
        charts = [ReportPageTests.Chart(page, "Mean cycles per generated token, by stage"), ReportPageTests.Chart(page, "Resource use")];
        // One bar per stage of the schedule the generator implements for this model and lanes.
        var plan = PlanFactory.Create(HwGen.Model.SafeTensors.Load(TestPaths.TalosModel), "auto", null);
        var stages = RtlGenerator.Generate(plan, new RtlOptions(4, "test")).Schedule.Stages.Select(s => s.Name).ToArray();
        Assert.That(stages, Has.Length.GreaterThan(5));
        Assert.That(ReportPageTests.Labels(charts[0]), Is.EqualTo(stages.Append("start, sampler, logit stream")));
        Assert.That(charts[0].Elements(Svg + "rect").Count(), Is.EqualTo(stages.Length + 1));
        // One bar per resource of the synth report, with its counts.
        Assert.That(ReportPageTests.Labels(charts[1]), Is.EqualTo(new[] { "LC", "FF", "EBR", "DSP" }));
        Assert.That(ReportPageTests.Values(charts[1]), Is.EqualTo(new[] { "4,100 / 5,280 (77.7%)", "900 / 5,280 (17.0%)", "31 / 30 (103.3%)", "8 / 8 (100.0%)" }));

        var json = File.ReadAllText(Path.Combine(outDir, "report.json"));
        var report = ReportFiles.FromJson(json, "report.json");
        Assert.That(ReportFiles.ToJson(report), Is.EqualTo(json));
        Assert.That(report.Verdict!.Passed, Is.True);
        Assert.That(report.Verdict.Samples, Is.EqualTo(3));
        Assert.That(report.Verdict.CycleCountsCompared, Is.GreaterThan(0));
        Assert.That(report.Verdict.CycleMismatches, Is.Zero);
        Assert.That(report.Names, Has.Count.EqualTo(3));
        Assert.That(report.Sites.Select(s => s.Name), Is.EqualTo(plan.Sites.Select(s => s.Name)));
        Assert.That(report.Tensors.Select(t => t.Format), Is.EqualTo(plan.Tensors.Select(t => t.Format.ToString())));
        Assert.That(report.QuantError!.Top1Agreement, Is.EqualTo(1.0));
        var board = report.Throughput.Single(t => t.Design == "This design on iCEBreaker");
        Assert.That(board.FmaxMhz, Is.EqualTo(27.5));
        Assert.That(board.TokensPerSecond, Is.EqualTo(Math.Round(27.5e6 / report.CyclesPerToken)));
        Assert.That(report.Notes, Does.Contain("The design does not fit the iCE40UP5K: EBR 31 of 30."));
        Assert.That(report.StageCycles[^1].Value, Is.GreaterThan(1), "a token takes a step plus sampling");
        Assert.That(report.StageCycles.Sum(s => s.Value), Is.EqualTo(report.CyclesPerToken).Within(1e-6));
        Assert.That(double.Parse(report.StageCycles[0].Text, CultureInfo.InvariantCulture), Is.EqualTo(report.StageCycles[0].Value).Within(0.05));
    }

    [Test]
    [Category("Verilator")]
    public void AFailedBoardBuildIsOnThePageWithTheResourcesThatDidNotFit()
    {
        var work = TestPaths.NewTempDir("report-flow");
        var run = new HwGen.Flow.HardwareFlow(new HwGen.Simulation.SimulationRunner(HwGen.Tools.VerilatorDriver.Create()))
            .Run(new HwGen.Flow.HardwareRunRequest(TestPaths.TalosModel, 4, 42, 2, 0.5, work));
        var target = FpgaTargets.Find("ice40-up5k");
        var counts = new[] { new ResourceUse("LC", 23300, 5280, "yosys"), new ResourceUse("EBR", 12, 30, "yosys") };
        var error = new HwGenException("wrapped: it does not fit.", new DesignDoesNotFitException("The design does not fit.", counts));
        var report = RunReportBuilder.BoardFailed(run, target, error);

        Assert.That(report.BoardError, Is.EqualTo("The build for ice40-up5k (iCEBreaker) failed: wrapped: it does not fit."));
        var page = ReportPageTests.Parse(ReportPage.Render(report));
        var resources = ReportPageTests.Chart(page, "Resource use");
        Assert.That(ReportPageTests.Values(resources), Is.EqualTo(new[] { "23,300 / 5,280 (441.3%)", "12 / 30 (40.0%)" }));
        Assert.That(resources.Elements(Svg + "rect").Select(e => (string?)e.Attribute("class")), Is.EqualTo(new[] { "bar over", "bar" }));
        var summary = page.Descendants().First(e => e.Name.LocalName == "table");
        Assert.That(summary.Elements().Select(tr => tr.Elements().First().Value), Does.Contain("Board build"));
        Assert.That(report.Throughput.Where(t => !t.Reference).Select(t => t.TokensPerSecond), Is.EqualTo(new double?[] { null }));

        var other = RunReportBuilder.BoardFailed(run, target, new HwGenException("yosys failed."));
        Assert.That(other.Resources, Is.Empty);
        Assert.That(other.Device, Is.Null);
    }
}
