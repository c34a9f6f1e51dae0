using System.Globalization;
using HwGen.Quantization;
using HwGen.Rtl;
using HwGen.Tools;
using HwGen.Tests.Tools;

namespace HwGen.Tests.Rtl;

/// <summary>Generated designs under the real tools: Verilator lint and simulation, yosys synthesis.</summary>
[Category("Tools")]
public class RtlToolTests
{
    private static string Write(NumericsPlan plan, int lanes, string name)
    {
        var dir = Path.Combine(TestPaths.NewTempDir(name), "design");
        RtlGenerator.Generate(plan, new RtlOptions(lanes, "test")).Files.WriteAtomically(dir);
        return dir;
    }

    private static string[] Sources(string dir, RtlDesign? design = null) =>
        (design?.Sources ?? File.ReadAllLines(Path.Combine(dir, RtlDesign.ManifestFile)).Where(l => l.Length > 0 && !l.StartsWith("//", StringComparison.Ordinal)))
        .Select(s => Path.Combine(dir, s)).ToArray();

    private static NumericsPlan Plan(string model) => model switch
    {
        "talos" => RtlTestModels.Talos,
        "wide2" => RtlTestModels.Wide2,
        "talos-auto" => RtlTestModels.TalosAuto,
        _ => RtlTestModels.Odd,
    };

    [TestCase("talos", 1)]
    [TestCase("talos", 4)]
    [TestCase("talos", 16)]
    [TestCase("talos", 64)]
    [TestCase("talos", 256)]
    [TestCase("wide2", 3)]
    [TestCase("wide2", 32)]
    [TestCase("wide2", 128)]
    [TestCase("odd", 5)]
    [TestCase("odd", 24)]
    public void GeneratedDesignsLintCleanWithAllWarnings(string model, int lanes)
    {
        var dir = Write(Plan(model), lanes, $"rtl-lint-{model}-{lanes}");
        var lint = VerilatorDriver.Create(ToolTestFiles.SharedCache).Lint(Sources(dir), RtlGenerator.Top);
        Assert.That(lint.Diagnostics.Select(d => d.ToString()), Is.Empty, lint.Output);
        Assert.That(lint.ExitCode, Is.Zero, lint.Output);
    }

    [TestCase("talos", 4, 1u, 0, true, 0, new int[0])]
    [TestCase("talos", 4, 7u, 256, false, 0, new int[0])]
    [TestCase("talos", 1, 0u, 128, false, 3, new[] { 3, 4 })]
    [TestCase("odd", 5, 99u, 256, false, 0, new[] { 5 })]
    [TestCase("talos-auto", 16, 12u, 256, false, 0, new int[0])]
    [TestCase("talos-auto", 64, 5u, 128, false, 0, new[] { 1 })]
    [TestCase("wide2", 96, 3u, 256, false, 0, new int[0])]
    public void TheCoreMatchesTheGoldenModelAndTheScheduleExactly(string model, int lanes, uint seed, int temperature, bool greedy, int maxLen, int[] prompt)
    {
        var plan = Plan(model);
        var design = RtlGenerator.Generate(plan, new RtlOptions(lanes, "test"));
        var dir = Path.Combine(TestPaths.NewTempDir($"rtl-sim-{model}-{lanes}"), "design");
        design.Files.WriteAtomically(dir);
        var tb = Path.Combine(TestPaths.RepoRoot, "tests", "HwGen.Tests", "Rtl", "smoke_tb.cpp");
        var build = VerilatorDriver.Create(ToolTestFiles.SharedCache).Build(new VerilatorBuildSpec(Sources(dir, design), [tb], RtlGenerator.Top, "smoke_tb"));
        string[] args = [seed.ToString(CultureInfo.InvariantCulture), temperature.ToString(CultureInfo.InvariantCulture), greedy ? "1" : "0",
            maxLen.ToString(CultureInfo.InvariantCulture), .. prompt.Select(p => p.ToString(CultureInfo.InvariantCulture))];
        var run = VerilatorDriver.Run(build.Executable, args, TimeSpan.FromMinutes(2), workingDirectory: dir);

        var logits = new List<int[]>();
        var tokens = new List<int>();
        var tokenCycles = new List<long>();
        long done = -1;
        foreach (var line in run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var f = line.Split(' ');
            switch (f[0])
            {
                case "logit":
                    var step = int.Parse(f[1], CultureInfo.InvariantCulture);
                    if (step == logits.Count)
                        logits.Add(new int[plan.Config.VocabSize]);
                    logits[step][int.Parse(f[2], CultureInfo.InvariantCulture)] = int.Parse(f[3], CultureInfo.InvariantCulture);
                    break;
                case "token":
                    tokens.Add(int.Parse(f[1], CultureInfo.InvariantCulture));
                    tokenCycles.Add(long.Parse(f[2], CultureInfo.InvariantCulture));
                    break;
                case "done":
                    done = long.Parse(f[1], CultureInfo.InvariantCulture);
                    break;
            }
        }

        var golden = RtlGoldenSample.Run(plan, seed, temperature, greedy, maxLen, prompt);
        Assert.That(logits, Has.Count.EqualTo(golden.Logits.Count), "steps");
        for (var s = 0; s < golden.Logits.Count; s++)
            Assert.That(logits[s], Is.EqualTo(golden.Logits[s]), $"logits of step {s}");
        Assert.That(tokens, Is.EqualTo(golden.Emitted), "tokens");

        // The start transfer happens at cycle 0 in smoke_tb.
        var timeline = design.Schedule.Predict(plan.Config, prompt.Length, golden.Chosen, greedy || temperature == 0, maxLen);
        Assert.That(tokenCycles, Is.EqualTo(timeline.TokenCycles), "token cycles");
        Assert.That(done, Is.EqualTo(timeline.DoneCycle), "done cycle");
    }

    [Test]
    public void YosysSynthesizesTheCoreWithoutLatches()
    {
        var dir = Write(RtlTestModels.Talos, 1, "rtl-yosys");
        var script = new YosysScript()
            .ReadSystemVerilog(Sources(dir))
            .Command($"synth -top {RtlGenerator.Top}")
            .Command("select -assert-none t:$dlatch t:$adlatch t:$_DLATCH_* t:$_DLATCHSR_*")
            .Command("stat");
        var result = YosysDriver.Create().Run(script, dir, "synth");
        Assert.That(result.Process.ExitCode, Is.Zero, result.Process.Tail());
        Assert.That(result.Stat, Is.Not.Null);
        Assert.That(result.Stat!.Cells, Is.GreaterThan(0));
    }

    // The full synthesis above runs at one lane count; yosys' reader and elaboration (which refuse
    // SystemVerilog that Verilator accepts, e.g. whole-array assignments) are checked at the lane
    // counts that change the generated structure: a single lane, all columns, row groups.
    [TestCase("talos", 4)]
    [TestCase("talos", 16)]
    [TestCase("talos", 64)]
    [TestCase("wide2", 3)]
    public void YosysReadsAndElaboratesTheCore(string model, int lanes)
    {
        var dir = Write(Plan(model), lanes, "rtl-yosys-read");
        var script = new YosysScript()
            .ReadSystemVerilog(Sources(dir))
            .Command($"hierarchy -check -top {RtlGenerator.Top}")
            .Command("proc");
        var result = YosysDriver.Create().Run(script, dir, "read");
        Assert.That(result.Process.ExitCode, Is.Zero, result.Process.Tail());
    }
}
