using HwGen.Rtl;

namespace HwGen.Tests.Rtl;

public class RtlGeneratorTests
{
    [Test]
    public void BanksSplitEachRowIntoLaneChunksAndPadWithZeros()
    {
        // Two tensors: A [2 x 5] (codes 1..10) and B [1 x 3] (codes -1, -2, -3), three lanes.
        var layout = new WeightBankLayout([("a", 2, 5), ("b", 1, 3)], new LaneGrid(3, 3, 1));
        var codes = new Dictionary<string, short[]>
        {
            ["a"] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
            ["b"] = [-1, -2, -3],
        };
        Assert.That(layout.Depth, Is.EqualTo(2 * 2 + 1));
        Assert.That(layout["b"].Base, Is.EqualTo(4));
        Assert.That(layout.BankWords(0, n => codes[n]), Is.EqualTo(new short[] { 1, 4, 6, 9, -1 }));
        Assert.That(layout.BankWords(1, n => codes[n]), Is.EqualTo(new short[] { 2, 5, 7, 10, -2 }));
        Assert.That(layout.BankWords(2, n => codes[n]), Is.EqualTo(new short[] { 3, 0, 8, 0, -3 }));
    }

    [Test]
    public void RowGroupsTakeConsecutiveRowsAtOneAddress()
    {
        // A [3 x 4] (codes 1..12) on 2 row groups x 2 column lanes: bank g*2 + b at step s, chunk k
        // holds A[2s + g][2k + b]; row 3 does not exist, so group 1 of step 1 is zero.
        var layout = new WeightBankLayout([("a", 3, 4)], new LaneGrid(4, 2, 2));
        var codes = new Dictionary<string, short[]> { ["a"] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] };
        Assert.That((layout["a"].Steps, layout["a"].Chunks, layout.Depth), Is.EqualTo((2, 2, 4)));
        Assert.That(layout.BankWords(0, n => codes[n]), Is.EqualTo(new short[] { 1, 3, 9, 11 }));
        Assert.That(layout.BankWords(1, n => codes[n]), Is.EqualTo(new short[] { 2, 4, 10, 12 }));
        Assert.That(layout.BankWords(2, n => codes[n]), Is.EqualTo(new short[] { 5, 7, 0, 0 }));
        Assert.That(layout.BankWords(3, n => codes[n]), Is.EqualTo(new short[] { 6, 8, 0, 0 }));
        Assert.That(layout["a"].Locate(2, 1, layout.Grid), Is.EqualTo((3, 0)));
    }

    [TestCase(1, 1, 1)]
    [TestCase(5, 5, 1)]
    [TestCase(16, 16, 1)]
    [TestCase(64, 16, 4)]
    [TestCase(256, 16, 16)]
    public void LanesAboveNEmbdFormRowGroups(int lanes, int columns, int groups)
    {
        Assert.That(LaneGrid.For(RtlTestModels.Talos.Config, lanes), Is.EqualTo(new LaneGrid(lanes, columns, groups)));
    }

    [Test]
    public void LanesAboveNEmbdThatAreNoMultipleOfItAreAClearError()
    {
        var e = Assert.Throws<HwGenException>(() => RtlGenerator.Generate(RtlTestModels.Talos, new RtlOptions(40, "test")));
        Assert.That(e!.Message, Is.EqualTo(
            "--lanes 40: above n_embd (16) the lanes form row groups of 16 column lanes, so the count must be a multiple of 16; use 32 or 48."));
    }

    [Test]
    public void OnlyInstructionsThatTouchAVectorStillInThePipelineWaitForIt()
    {
        // q, k and v read the normed x and write their own vectors: k and v issue straight after the
        // previous product; attention reads q, k, v and waits; so do norms after a residual product,
        // fc2 after fc1, lm_head after fc2 and End.
        var design = RtlGenerator.Generate(RtlTestModels.Talos, new RtlOptions(64, "test"));
        var plan = RtlTestModels.Talos;
        var grid = LaneGrid.For(plan.Config, 64);
        var layout = new WeightBankLayout(plan.Tensors.Select(t => (t.Name, t.Rows, t.Cols)), grid);
        var program = StepProgram.Build(plan, layout, VectorMemoryMap.For(plan.Config, grid));
        var waits = program.Where(i => i.WaitDrain).Select(i => i.Stage).ToArray();
        Assert.That(waits, Is.EqualTo(new[]
        {
            "layer0.attention", "layer0.mlp_norm", "layer0.fc2+mlp_residual", "lm_head", "end",
        }));
        // microGPT at 64 lanes (4 row groups x 16 columns): q, k 4 issue cycles each, v 4 + drain 3;
        // fc1 and fc2 16 + 3, lm_head 7 (27 rows) + 3.
        var stages = design.Schedule.Stages.ToDictionary(s => s.Name, s => s.Cycles(0));
        Assert.That((stages["layer0.q"], stages["layer0.k"], stages["layer0.v"]), Is.EqualTo((4, 4, 7)));
        Assert.That((stages["layer0.fc1"], stages["layer0.fc2+mlp_residual"], stages["lm_head"]), Is.EqualTo((19, 19, 10)));
    }

    [Test]
    public void MemImagesHoldTwosComplementHexWords()
    {
        var text = MemImage.Format([0, 1, -1, 32767, -32768], 16, "test");
        Assert.That(text, Is.EqualTo("// test\n0000\n0001\nffff\n7fff\n8000\n"));
        Assert.That(MemImage.Format([65536, 130983], 17, "exp"), Is.EqualTo("// exp\n10000\n1ffa7\n"));
    }

    [TestCase(0)]
    [TestCase(-3)]
    public void ABadLaneCountIsAClearError(int lanes)
    {
        var e = Assert.Throws<HwGenException>(() => RtlGenerator.Generate(RtlTestModels.Talos, new RtlOptions(lanes, "test")));
        Assert.That(e!.Message, Is.EqualTo($"--lanes {lanes}: the lane count must be a positive integer (1 up to any width; n_embd gives one MAC per column)."));
    }

    [Test]
    public void TheSameInputsGiveByteIdenticalDesigns()
    {
        var a = RtlGenerator.Generate(RtlTestModels.Talos, new RtlOptions(4, "test"));
        var b = RtlGenerator.Generate(RtlTestModels.Talos, new RtlOptions(4, "test"));
        Assert.That(b.Files.ContentHash, Is.EqualTo(a.Files.ContentHash));
        Assert.That(b.Files.Files.Select(f => f.Path), Is.EqualTo(a.Files.Files.Select(f => f.Path)));
        var c = RtlGenerator.Generate(RtlTestModels.Talos, new RtlOptions(5, "test"));
        Assert.That(c.Files.ContentHash, Is.Not.EqualTo(a.Files.ContentHash));
    }

    [Test]
    public void TheWrittenDesignIsTheSameByteForByte()
    {
        var design = RtlGenerator.Generate(RtlTestModels.Talos, new RtlOptions(2, "test"));
        var dir = Path.Combine(TestPaths.NewTempDir("rtl-write"), "design");
        design.Files.WriteAtomically(dir);
        var first = Directory.GetFiles(dir).Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToArray();
        RtlGenerator.Generate(RtlTestModels.Talos, new RtlOptions(2, "test")).Files.WriteAtomically(dir);
        var second = Directory.GetFiles(dir).Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToArray();
        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void ADesignHasEveryModuleBanksTablesAndAManifestInDependencyOrder()
    {
        var design = RtlGenerator.Generate(RtlTestModels.Odd, new RtlOptions(5, "test"));
        var paths = design.Files.Files.Select(f => f.Path).ToArray();
        Assert.That(design.Sources[^1], Is.EqualTo("hwgen_core.sv"));
        Assert.That(design.Sources, Is.SubsetOf(paths));
        Assert.That(paths, Does.Contain("weights_bank4.mem").And.Not.Contain("weights_bank5.mem"));
        Assert.That(paths, Does.Contain("exp2_table.mem").And.Contain("recip_table.mem").And.Contain("rsqrt_table.mem"));
        var manifest = System.Text.Encoding.UTF8.GetString(design.Files.Files.Single(f => f.Path == RtlDesign.ManifestFile).Content);
        Assert.That(manifest.Split('\n').Where(l => l.Length > 0 && !l.StartsWith("//", StringComparison.Ordinal)), Is.EqualTo(design.Sources));
        // Every module file declares exactly the module it is named after.
        foreach (var source in design.Sources)
        {
            var text = System.Text.Encoding.UTF8.GetString(design.Files.Files.Single(f => f.Path == source).Content);
            var modules = System.Text.RegularExpressions.Regex.Matches(text, @"^module (\w+)", System.Text.RegularExpressions.RegexOptions.Multiline);
            Assert.That(modules.Select(m => m.Groups[1].Value), Is.EqualTo(new[] { Path.GetFileNameWithoutExtension(source) }), source);
        }
    }

    [TestCase(1)]
    [TestCase(16)]
    public void ScheduleTxtListsTheStagesThenTheirTotalAndNothingElse(int lanes)
    {
        var design = RtlGenerator.Generate(RtlTestModels.Talos, new RtlOptions(lanes, "test"));
        var text = System.Text.Encoding.UTF8.GetString(design.Files.Files.Single(f => f.Path == "schedule.txt").Content);
        var rows = text.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ')).Select(f => (Name: f[0], Cycles: int.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        var schedule = design.Schedule;
        Assert.That(rows[..^1].Select(r => r.Name), Is.EqualTo(schedule.Stages.Select(s => s.Name)));
        Assert.That(rows[^1], Is.EqualTo(("step_total", schedule.StepCycles(0))));
        Assert.That(rows[..^1].Sum(r => r.Cycles) + 1, Is.EqualTo(rows[^1].Cycles), "the stages and the start cycle");
    }

    [Test]
    public void TheWeightBanksHoldTheQuantizersCodes()
    {
        // Lane b of chunk k of row r of lm_head is its code [r][k*L + b], read back from the .mem text.
        var plan = RtlTestModels.Talos;
        const int lanes = 3;
        var design = RtlGenerator.Generate(plan, new RtlOptions(lanes, "test"));
        var layout = new WeightBankLayout(plan.Tensors.Select(t => (t.Name, t.Rows, t.Cols)), LaneGrid.For(plan.Config, lanes));
        var lm = layout["lm_head"];
        var codes = plan.Tensor("lm_head").Codes;
        for (var b = 0; b < lanes; b++)
        {
            var words = System.Text.Encoding.UTF8.GetString(design.Files.Files.Single(f => f.Path == $"weights_bank{b}.mem").Content)
                .Split('\n').Where(l => l.Length > 0 && !l.StartsWith("//", StringComparison.Ordinal)).ToArray();
            Assert.That(words, Has.Length.EqualTo(layout.Depth));
            for (var r = 0; r < lm.Rows; r++)
            {
                for (var k = 0; k < lm.Chunks; k++)
                {
                    var col = k * lanes + b;
                    var expected = col < lm.Cols ? codes[r * lm.Cols + col] : (short)0;
                    Assert.That((short)Convert.ToUInt16(words[lm.Base + r * lm.Chunks + k], 16), Is.EqualTo(expected), $"bank {b} row {r} chunk {k}");
                }
            }
        }
    }
}
