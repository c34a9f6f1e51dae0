using System.Globalization;
using System.Text;
using HwGen.Golden;
using HwGen.Model;
using HwGen.Numerics;
using HwGen.Quantization;
using HwGen.Rendering;
using HwGen.Rtl;
using HwGen.Rtl.Compact;
using HwGen.Tests.Tools;
using HwGen.Tools;

namespace HwGen.Tests.Rtl.Compact;

/// <summary>
/// The compact hwgen_step alone: lint, and a Verilator simulation of whole samples (every position
/// of the block, random tokens after BOS): every logit code equals the golden model's
/// (FixedGpt on the compact plan) and every step's stage_o cycles equal the stage list's.
/// </summary>
public class CompactStepModuleTests
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static NumericsPlan Plan(string model) => CoreArch.Compact.PlanFor(model switch
    {
        "talos-q4" => RtlTestModels.Talos,
        "names" => CompactPlans.Names,
        "wide2" => RtlTestModels.Wide2,
        "wide2-auto" => CompactPlans.Wide2Auto,
        // 3 heads (one ring element in RAM), block 32, 3 layers; 2 heads and 1 head (the rings in registers).
        "odd" => RtlTestModels.Odd,
        "two-heads" => CompactPlans.TwoHeads,
        "one-head" => CompactPlans.OneHead,
        _ => RtlTestModels.TalosAuto,
    });

    private static (string Dir, CompactStepResult Result) Write(NumericsPlan plan, int lanes, string name)
    {
        var dir = Path.Combine(TestPaths.NewTempDir(name), "design");
        var files = new BuildPlan("test");
        var result = CompactStepDesign.AddTo(files, TemplateRenderer.ForShipped(TemplateFolders.Hdl), plan, lanes);
        files.WriteAtomically(dir);
        return (dir, result);
    }

    /// <summary>
    /// The documented timing (docs/hardware.md) for microGPT at 8 lanes, worked out by hand:
    /// embedding 1 (the start register) + n_embd; the MLP norm (n_embd + 2) + (1 + 3 steps by 8 (SS + E >= 2,684) + 3 by 2 + 1 (the table address registered) + 10: K = 4 y1, no K products) + (9 + 2: x * y1 on the lanes, taken
    /// 3 and L + 3 cycles after the first issue, then the next op, which reads element i at its issue i after its write);
    /// the embedding's tail is 0 before the embedding norm's factor from its table (its values have their own valid chain),
    /// 3 issues, + 11 (the scale on the lanes: columns 0 and 8, 9 issues + 2; the next op starts 11 cycles after the
    /// first issue; its column 8 reads x0[8..15] after the embedding wrote x0[15], at its issue 15 + 8);
    /// layer 0's attention norm's factor the same 3 issues + 4 (the scale's column 0 reads x[0..7] after the embedding norm's
    /// scale wrote x[7], at its first take 3 + 7 + 7: 18 cycles after that scale's first), + 11; the
    /// embedding stream's tail is 3 (the next op reads element i at its issue i, after the stream has written it); a
    /// 16 x 16 product 2 passes of 16 columns + the tail L + 4 (wo: the sum of squares after it starts once wo's
    /// last residual read has gone out, and reads x[r] after its write), or + 3 when the next product may issue while its
    /// last pass drains (q); k + 5 (head 0's scores follow: their first take, 4 columns + 3 later at the fewest, comes a
    /// cycle after k's last drained row entered the serial path, whose later fields follow their values); v's stage: each
    /// head's scores max(4, p + 1 - 3) + 3 below position 8 (a head's first take comes 3 + its columns cycles after the
    /// previous head's last, which has drained its p + 1 rows by then; the last head's drain under v), 2 passes of 8 + 3
    /// from position 8 on, then v + 3 (the exponentials that follow do not use the serial path);
    /// fc1 8 passes + 11 + L (fc2 prefetches index words 0 and 1 after fc1's last write, last issue + 9 + L, and needs the
    /// count of nonzero hidden codes); fc2 2 passes of max(nz, L, 2) columns + L + 4 (lm_head reads x in order like a sum
    /// of squares), at most 2 passes of 64; lm_head 4 passes + 17;
    /// attention at position 5, the heads batched: the exponentials of the 4 heads, 4 passes of max(p, 1) + 1 + a tail of 8
    /// at positions 0 and 1, 7 from 2 on (the last pass's first term, issued max(p, 1) cycles before its last, has moved the
    /// sums' ring into place when the reciprocals start, and they move it on after the last term); the 4 reciprocals interleaved 3 steps apart, 3 * 3 + 10 (the last y1 goes into the ring in the weights' first cycle), tail 0; the weights of the 4 heads, 4
    /// passes of p + 1 and a bubble, + 3 (head 0's weighted values read head 0's weights, written long before, and
    /// take their first sums after the weights' last write); heads 0, 1 and 3's weighted values max(p, 1) + 1 columns,
    /// head 2's max(p, 4) + 1 (head 1's sums are in lanes 4..7: head 2's first take, 3 + its columns cycles after head
    /// 1's last, comes after head 1's drain has left lane 7 behind), each + 3 (the last head's: wo reads rows 12..15
    /// after they are written).
    /// </summary>
    [Test]
    public void TheStagesTakeTheDocumentedCycles()
    {
        var (_, result) = Write(Plan("talos"), 8, "cstep-cycles");
        var at5 = result.Stages.ToDictionary(s => s.Name, s => s.Cycles(5));
        Assert.That(at5["embedding"], Is.EqualTo(1 + 16));
        Assert.That(at5["embedding_norm"], Is.EqualTo(3 + 11));
        Assert.That(at5["layer0.attn_norm"], Is.EqualTo((3 + 4) + 11));
        Assert.That(at5["layer0.mlp_norm"], Is.EqualTo(18 + 18 + 11));
        Assert.That(at5["layer0.q"], Is.EqualTo(2 * 16 + 3));
        Assert.That(at5["layer0.k"], Is.EqualTo(2 * 16 + 5));
        Assert.That(at5["layer0.v"], Is.EqualTo(4 * (4 + 3) + (2 * 16 + 3)));
        Assert.That(at5["layer0.wo+attn_residual"], Is.EqualTo(2 * 16 + 12));
        Assert.That(at5["layer0.fc1"], Is.EqualTo(8 * 16 + 19));
        Assert.That(at5["layer0.fc2+mlp_residual"], Is.EqualTo(2 * 64 + 12));
        Assert.That(at5["lm_head"], Is.EqualTo(4 * 16 + 17));
        Assert.That(at5["layer0.attention"], Is.EqualTo((4 * 6 + 7) + (3 * 3 + 10) + (4 * 7 + 3) + 4 * (6 + 3)));
        var v = result.Stages.Single(s => s.Name == "layer0.v");
        var attention = result.Stages.Single(s => s.Name == "layer0.attention");
        Assert.That(v.Cycles(0), Is.EqualTo(4 * (4 + 3) + (2 * 16 + 3)));
        Assert.That(v.Cycles(7), Is.EqualTo(4 * (5 + 3) + (2 * 16 + 3)));
        Assert.That(v.Cycles(8), Is.EqualTo(4 * (2 * 8 + 3) + (2 * 16 + 3)));
        Assert.That(v.Cycles(15), Is.EqualTo(4 * (2 * 8 + 3) + (2 * 16 + 3)));
        // From 0 to 1 only the weights' passes grow (max(p, 1) + 1 columns elsewhere); from 1 to 2 the exponentials'
        // 4 passes grow and their tail shrinks, the weights grow, and heads 0, 1 and 3's weighted values (head 2's: max(p, 4) + 1).
        Assert.That(attention.Cycles(1) - attention.Cycles(0), Is.EqualTo(4 * 1), "the exponentials' tail is 8 at positions 0 and 1");
        Assert.That(attention.Cycles(2) - attention.Cycles(1), Is.EqualTo((4 * 1 - 1) + 4 * 1 + 3 * 1), "and 7 from position 2 on");
        Assert.That(attention.Cycles(0), Is.EqualTo((4 * 2 + 8) + (3 * 3 + 10) + (4 * 2 + 3) + (2 + 3) + (2 + 3) + (5 + 3) + (2 + 3)));
        Assert.That(attention.Cycles(15), Is.EqualTo((4 * 16 + 7) + (3 * 3 + 10) + (4 * 17 + 3) + 4 * (16 + 3)));
        Assert.That(at5["end"], Is.EqualTo(1));
        Assert.That(result.Stages.Select(s => s.Name).First(), Is.EqualTo("embedding"));
    }

    /// <summary>
    /// fc2 issues max(nz, L, 2) columns per pass, nz the step's count of nonzero hidden codes of its layer: at 8 lanes
    /// 2 passes + the tail L + 4; at 1 lane 16 passes + the tail 5 (lm_head reads x[r] at its issue r, after the
    /// write of row r, 10 + r - 15 cycles after fc2's last issue, and the last residual read goes out 1 + 4 after it).
    /// Every other stage ignores the counts.
    /// </summary>
    [TestCase(8, 0, 2 * 8 + 12)]
    [TestCase(8, 3, 2 * 8 + 12)]
    [TestCase(8, 8, 2 * 8 + 12)]
    [TestCase(8, 9, 2 * 9 + 12)]
    [TestCase(8, 20, 2 * 20 + 12)]
    [TestCase(8, 64, 2 * 64 + 12)]
    [TestCase(1, 0, 16 * 2 + 5)]
    [TestCase(1, 2, 16 * 2 + 5)]
    [TestCase(1, 3, 16 * 3 + 5)]
    public void Fc2TakesTwoPassesOfItsNonzeroHiddenCodes(int lanes, int nonzero, int cycles)
    {
        var (_, result) = Write(Plan("talos"), lanes, $"cstep-sparse-{lanes}");
        var fc2 = result.Stages.Single(s => s.Name == "layer0.fc2+mlp_residual");
        Assert.That(fc2.CyclesAt(5, [nonzero]), Is.EqualTo(cycles));
        foreach (var other in result.Stages.Where(s => s != fc2))
            Assert.That(other.CyclesAt(5, [nonzero]), Is.EqualTo(other.Cycles(5)), other.Name);
        var schedule = RtlSchedule.Of(result.Stages, new CompactSamplerTiming(27, 20, 0), 27);
        Assert.That(schedule.StepCycles(5, [nonzero]), Is.EqualTo(schedule.StepCycles(5) - fc2.Cycles(5) + cycles));
    }

    [Test]
    public void TheScheduleTextGivesFc2sFormula()
    {
        var (_, result) = Write(Plan("talos"), 8, "cstep-sparse-text");
        var text = RtlSchedule.Of(result.Stages, new CompactSamplerTiming(27, 20, 0), 27).Describe(0);
        Assert.That(text, Does.Contain("# layer0.fc2+mlp_residual: 2 * max(nz, 8) + 12 cycles, nz = the step's nonzero MLP hidden codes of layer 0 (of 64); below: the most (every hidden code nonzero)\nlayer0.fc2+mlp_residual 140\n"));
    }

    [Test]
    public void ThePlanMustUseTheCompactTables()
    {
        var ex = Assert.Throws<HwGenException>(() => CompactStepDesign.Validate(RtlTestModels.Talos, 8));
        Assert.That(ex!.Message, Does.StartWith("The compact step needs the compact tables"));
    }

    [TestCase(3, "The compact step takes 1, 2, 4, 8, 16, 32 or 64 lanes; 3 was given. Use --lanes 8 for the iCE40 UP5K.")]
    [TestCase(32, "The compact step needs n_embd (16) to be a multiple of the lanes (32). Use --lanes 16 or fewer.")]
    public void BadLanesAreRefused(int lanes, string message)
    {
        var ex = Assert.Throws<HwGenException>(() => CompactStepDesign.Validate(Plan("talos"), lanes));
        Assert.That(ex!.Message, Is.EqualTo(message));
    }

    [Category("Tools")]
    [TestCase("talos", 1)]
    [TestCase("talos", 8)]
    [TestCase("wide2", 8)]
    [TestCase("odd", 8)]
    [TestCase("two-heads", 4)]
    public void TheModuleLintsCleanWithAllWarnings(string model, int lanes)
    {
        var (dir, result) = Write(Plan(model), lanes, $"cstep-lint-{model}-{lanes}");
        var lint = VerilatorDriver.Create(ToolTestFiles.SharedCache).Lint(result.Sources.Select(s => Path.Combine(dir, s)).ToArray(), "hwgen_step");
        Assert.That(lint.Diagnostics.Select(d => d.ToString()), Is.Empty, lint.Output);
        Assert.That(lint.ExitCode, Is.Zero, lint.Output);
    }

    [Category("Tools")]
    [TestCase("talos", 8, 3)]
    [TestCase("talos", 1, 1)]
    [TestCase("talos", 2, 1)]
    [TestCase("talos", 4, 1)]
    [TestCase("talos-q4", 8, 2)]
    [TestCase("names", 8, 2)]
    [TestCase("names", 1, 1)]
    [TestCase("wide2", 8, 2)]
    [TestCase("wide2-auto", 8, 1)]
    [TestCase("odd", 8, 1)]
    [TestCase("two-heads", 4, 1)]
    [TestCase("one-head", 8, 1)]
    public void TheModuleMatchesTheGoldenModelAndItsStagesExactly(string model, int lanes, int samples)
    {
        var plan = Plan(model);
        var c = plan.Config;
        var (dir, result) = Write(plan, lanes, $"cstep-sim-{model}-{lanes}");
        var golden = new FixedGpt(plan);
        var state = 2463534242u;
        int Next(int n)
        {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            return (int)(state % (uint)n);
        }
        var stimulus = new StringBuilder();
        stimulus.Append(Inv, $"{c.VocabSize} {samples * c.BlockSize}\n");
        var expected = new List<(string Where, int[] Logits, int Pos, int[] Nonzero)>();
        for (var s = 0; s < samples; s++)
        {
            golden.Reset();
            for (var pos = 0; pos < c.BlockSize; pos++)
            {
                var token = pos == 0 ? c.Bos : Next(c.VocabSize);
                stimulus.Append(Inv, $"{token} {pos}\n");
                var codes = golden.StepCodes(token).ToArray();
                expected.Add(($"sample {s} pos {pos} token {token}", codes, pos, golden.HiddenNonzero.ToArray()));
            }
        }
        var stimulusFile = Path.Combine(dir, "step_stimulus.txt");
        File.WriteAllText(stimulusFile, stimulus.ToString());

        var tb = Path.Combine(TestPaths.RepoRoot, "tests", "HwGen.Tests", "Rtl", "Compact", "compact_step_tb.cpp");
        var build = VerilatorDriver.Create(ToolTestFiles.SharedCache).Build(new VerilatorBuildSpec(
            result.Sources.Select(f => Path.Combine(dir, f)).ToArray(), [tb], "hwgen_step", "compact_step_tb", OtherInputs: [ToolTestFiles.BenchHeader]));
        var run = VerilatorDriver.Run(build.Executable, [stimulusFile], TimeSpan.FromMinutes(5), workingDirectory: dir);
        Assert.That(run.ExitCode, Is.Zero, run.Stdout + run.Stderr);

        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')).ToList();
        var steps = lines.Where(f => f[0] == "step").Select(f => int.Parse(f[2], Inv)).ToList();
        var stages = lines.Where(f => f[0] == "stages").Select(f => f.Skip(1).Select(p => p.Split(':'))
            .ToDictionary(p => int.Parse(p[0], Inv), p => int.Parse(p[1], Inv))).ToList();
        var logits = lines.Where(f => f[0] == "logits").Select(f => f.Skip(1).Select(v => int.Parse(v, Inv)).ToArray()).ToList();
        Assert.That(logits, Has.Count.EqualTo(expected.Count), run.Stdout);
        for (var i = 0; i < expected.Count; i++)
        {
            var (where, codes, pos, nonzero) = expected[i];
            Assert.That(logits[i], Is.EqualTo(codes), $"{where}: logit codes");
            // fc2's cycles follow the golden model's count of nonzero hidden codes of the step.
            var want = result.Stages.Select((st, k) => (k, st.CyclesAt(pos, nonzero))).Where(p => p.Item2 > 0).ToDictionary(p => p.k, p => p.Item2);
            Assert.That(stages[i], Is.EqualTo(want), $"{where}: stage_o cycles");
            Assert.That(steps[i], Is.EqualTo(1 + result.Stages.Sum(st => st.CyclesAt(pos, nonzero))), $"{where}: start_i to done_o");
        }
        // The counts matter: some step's fc2 took fewer cycles than with every hidden code nonzero.
        var fc2 = result.Stages.Select(st => st.Name).ToList().FindIndex(n => n.StartsWith("layer0.fc2", StringComparison.Ordinal));
        Assert.That(stages.Zip(expected).Any(p => p.First[fc2] < result.Stages[fc2].Cycles(p.Second.Pos)), Is.True, "no step skipped a hidden code");
    }
}
