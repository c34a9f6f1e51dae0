using System.Globalization;
using System.Text;
using HwGen.Golden;
using HwGen.Model;
using HwGen.Quantization;
using HwGen.Reference;
using HwGen.Rtl;
using HwGen.Sampling;
using HwGen.Tools;
using HwGen.Tests.Tools;

namespace HwGen.Tests.Rtl;

/// <summary>
/// hwgen_attention alone: lint, and a simulation fed each golden step's Query/Key/Value codes that
/// must give the trace's AttnOutput codes exactly, done_o exactly AttentionTiming.Cycles after start_i.
/// </summary>
public class AttentionModuleTests
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static readonly string[] ModuleSources = ["hwgen_rom.sv", "hwgen_exp2.sv", "hwgen_recip.sv", "hwgen_attention.sv"];

    private static NumericsPlan Plan(string model) => model == "wide2" ? RtlTestModels.Wide2 : RtlTestModels.Talos;

    private static string Write(NumericsPlan plan, int lanes, string name)
    {
        var dir = Path.Combine(TestPaths.NewTempDir(name), "design");
        RtlGenerator.Generate(plan, new RtlOptions(lanes, "test")).Files.WriteAtomically(dir);
        return dir;
    }

    [TestCase(1, 1, 4)]
    [TestCase(4, 1, 4)]
    [TestCase(8, 2, 2)]
    [TestCase(16, 4, 1)]
    [TestCase(64, 4, 1)]
    public void MicroGptRunsHeadsInGroupsThatFitTheLanes(int lanes, int heads, int groups)
    {
        Assert.That(AttentionTiming.HeadsPerGroup(ModelConfig.MicroGpt, lanes), Is.EqualTo(heads));
        Assert.That(AttentionTiming.Groups(ModelConfig.MicroGpt, lanes), Is.EqualTo(groups));
    }

    [Test]
    public void HeadsPerGroupDividesTheHeads()
    {
        // 3 heads of 8: 16 lanes fit 2 heads, but 2 does not divide 3.
        Assert.That(AttentionTiming.HeadsPerGroup(RtlTestModels.OddShape, 16), Is.EqualTo(1));
        Assert.That(AttentionTiming.HeadsPerGroup(RtlTestModels.OddShape, 24), Is.EqualTo(3));
    }

    // p + 4 + (Groups - 1) * T + 2p + 8, T = max(2p + 2, floor((3p + 12) / 2)) (head_dim 4 = 4^1: no scale stage).
    [TestCase(1, 0, 30)]    // T = 6: 4 + 18 + 8
    [TestCase(1, 3, 51)]    // T = 10: 7 + 30 + 14
    [TestCase(1, 15, 153)]  // T = 32: 19 + 96 + 38
    [TestCase(8, 3, 31)]    // 7 + 10 + 14
    [TestCase(16, 0, 12)]
    [TestCase(16, 3, 21)]
    [TestCase(16, 15, 57)]
    [TestCase(64, 15, 57)]
    public void MicroGptCycles(int lanes, int pos, int cycles) =>
        Assert.That(AttentionTiming.Cycles(ModelConfig.MicroGpt, lanes, pos), Is.EqualTo(cycles));

    [Test]
    public void TheScoreScaleStageExistsOnlyWhenHeadDimIsNotAPowerOf4()
    {
        Assert.That(AttentionTiming.ScoreStages(ModelConfig.MicroGpt), Is.EqualTo(4), "head_dim 4");
        Assert.That(AttentionTiming.ScoreStages(RtlTestModels.OddShape), Is.EqualTo(5), "head_dim 8");
        // 3 heads of 8 at 8 lanes, p = 2: 3 groups, T = max(6, floor(19 / 2)) = 9: 2 + 5 + 2 * 9 + 4 + 8.
        Assert.That(AttentionTiming.GroupPeriod(RtlTestModels.OddShape, 2), Is.EqualTo(9));
        Assert.That(AttentionTiming.Cycles(RtlTestModels.OddShape, 8, 2), Is.EqualTo(37));
    }

    [Test]
    public void CyclesRejectAPositionOutsideTheBlock() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => AttentionTiming.Cycles(ModelConfig.MicroGpt, 16, 16));

    [Category("Tools")]
    [TestCase("talos", 1)]
    [TestCase("talos", 4)]
    [TestCase("talos", 16)]
    [TestCase("talos", 64)]
    [TestCase("wide2", 1)]
    [TestCase("wide2", 4)]
    [TestCase("wide2", 16)]
    [TestCase("wide2", 64)]
    public void TheModuleLintsCleanWithAllWarnings(string model, int lanes)
    {
        var dir = Write(Plan(model), lanes, $"attn-lint-{model}-{lanes}");
        var lint = VerilatorDriver.Create(ToolTestFiles.SharedCache).Lint(ModuleSources.Select(s => Path.Combine(dir, s)).ToArray(), "hwgen_attention");
        Assert.That(lint.Diagnostics.Select(d => d.ToString()), Is.Empty, lint.Output);
        Assert.That(lint.ExitCode, Is.Zero, lint.Output);
    }

    [Category("Tools")]
    [TestCase("talos", 1, 3)]
    [TestCase("talos", 16, 3)]
    [TestCase("talos", 64, 2)]
    [TestCase("wide2", 4, 2)]
    [TestCase("wide2", 16, 2)]
    [TestCase("wide2", 32, 2)]
    public void TheModuleMatchesTheGoldenTraceAndItsTimingExactly(string model, int lanes, int sequences)
    {
        var plan = Plan(model);
        var c = plan.Config;
        var dir = Write(plan, lanes, $"attn-sim-{model}-{lanes}");
        var steps = GoldenSteps(plan, lanes, sequences);

        var stimulus = new StringBuilder();
        stimulus.Append(Inv, $"{c.NEmbd} {steps.Count}\n");
        foreach (var s in steps)
        {
            stimulus.Append(Inv, $"{s.Pos} {s.Layer} {s.Rq[0]} {s.Rq[1]} {s.Rq[2]} {s.Rq[3]} ");
            stimulus.AppendJoin(' ', s.Query.Concat(s.Key).Concat(s.Value).Select(v => v.ToString(Inv)));
            stimulus.Append('\n');
        }
        var stimulusFile = Path.Combine(dir, "attention_stimulus.txt");
        File.WriteAllText(stimulusFile, stimulus.ToString());

        var tb = Path.Combine(TestPaths.RepoRoot, "tests", "HwGen.Tests", "Rtl", "attention_tb.cpp");
        var build = VerilatorDriver.Create(ToolTestFiles.SharedCache).Build(new VerilatorBuildSpec(
            ModuleSources.Select(s => Path.Combine(dir, s)).ToArray(), [tb], "hwgen_attention", "attention_tb", OtherInputs: [ToolTestFiles.BenchHeader]));
        var run = VerilatorDriver.Run(build.Executable, [stimulusFile], TimeSpan.FromMinutes(2), workingDirectory: dir);
        Assert.That(run.ExitCode, Is.Zero, run.Stdout + run.Stderr);

        var outs = new List<(int Cycles, int[] Codes)>();
        var held = new List<bool>();
        foreach (var line in run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var f = line.Split(' ');
            if (f[0] == "out")
                outs.Add((int.Parse(f[2], Inv), f.Skip(3).Select(x => int.Parse(x, Inv)).ToArray()));
            else if (f[0] == "held")
                held.Add(f[2] == "1");
        }
        Assert.That(outs, Has.Count.EqualTo(steps.Count), run.Stdout);
        Assert.That(steps.Select(s => s.Pos).Distinct().Count(), Is.EqualTo(c.BlockSize), "every position is tested");
        Assert.That(steps.Select(s => s.Layer).Distinct().Count(), Is.EqualTo(c.NLayer), "every layer is tested");
        for (var i = 0; i < steps.Count; i++)
        {
            var s = steps[i];
            var where = $"sequence {s.Sequence}, position {s.Pos}, layer {s.Layer}";
            for (var j = 0; j < c.NEmbd; j++)
                Assert.That(outs[i].Codes[j], Is.EqualTo(s.Expected[j]), $"{where}: AttnOutput[{j}]");
            Assert.That(outs[i].Cycles, Is.EqualTo(AttentionTiming.Cycles(c, lanes, s.Pos)), $"{where}: cycles from start_i to done_o");
            Assert.That(held[i], Is.True, $"{where}: done_o lasts one cycle and out_o holds");
        }
    }

    private sealed record AttnStep(int Sequence, int Pos, int Layer, int[] Rq, int[] Query, int[] Key, int[] Value, int[] Expected);

    /// <summary>
    /// Sampled sequences of block_size tokens (BOS first, then drawn from the golden model at
    /// temperature 1, continuing past BOS), with every step's attention inputs and output per layer.
    /// </summary>
    private static List<AttnStep> GoldenSteps(NumericsPlan plan, int lanes, int sequences)
    {
        var c = plan.Config;
        var grid = LaneGrid.For(c, lanes);
        var program = StepProgram.Build(plan, new WeightBankLayout(plan.Tensors.Select(q => (q.Name, q.Rows, q.Cols)), grid), VectorMemoryMap.For(c, grid));
        var attn = program.Where(i => i.Op == StepOp.Attn).ToArray();
        var trace = new TraceRecorder();
        var gpt = new FixedGpt(plan, trace);
        var sampler = new FixedSampler(gpt);
        var (lambda, lambdaFrac) = sampler.Lambda(256);
        var steps = new List<AttnStep>();
        var step = 0;
        for (var seq = 0; seq < sequences; seq++)
        {
            gpt.Reset();
            var rng = new XorShift32(1000 + seq);
            var token = c.Bos;
            for (var pos = 0; pos < c.BlockSize; pos++, step++)
            {
                var logits = gpt.StepCodes(token);
                token = sampler.Draw(logits, lambda, lambdaFrac, rng.NextUInt32());
                for (var l = 0; l < c.NLayer; l++)
                {
                    int[] Codes(ActivationSite site) => trace.Tensor(step, SiteNames.Of(site, l));
                    var ins = attn[l];
                    steps.Add(new AttnStep(seq, pos, l, [ins.Rq, ins.Rq2, ins.Rq3, ins.Rq4],
                        Codes(ActivationSite.Query), Codes(ActivationSite.Key), Codes(ActivationSite.Value), Codes(ActivationSite.AttnOutput)));
                }
            }
        }
        return steps;
    }
}
