using System.Globalization;
using System.Text.RegularExpressions;
using HwGen.Model;
using HwGen.Numerics;
using HwGen.Quantization;
using HwGen.Reference;
using HwGen.Rendering;
using HwGen.Rtl;
using HwGen.Rtl.Compact;

namespace HwGen.Tests.Rtl.Compact;

/// <summary>
/// The compact step's accumulators, hold chain and serial path are as narrow as the sums they carry: the
/// bounds are worked out here again, another way (each weight row's extremes, the weights' sum over every
/// possible softmax denominator Z), and every width the generated hwgen_step.sv declares must hold them.
/// </summary>
public partial class CompactStepWidthsTests
{
    private static NumericsPlan Plan(string model) => CoreArch.Compact.PlanFor(model switch
    {
        "talos-q4" => RtlTestModels.Talos,
        "names" => CompactPlans.Names,
        "wide2" => RtlTestModels.Wide2,
        "wide2-auto" => CompactPlans.Wide2Auto,
        _ => RtlTestModels.TalosAuto,
    });

    /// <summary>Bits of a two's-complement integer that holds every value in [lo, hi].</summary>
    private static int Signed(long lo, long hi)
    {
        var w = 1;
        while (lo < -(1L << (w - 1)) || hi > (1L << (w - 1)) - 1)
            w++;
        return w;
    }

    /// <summary>
    /// The widest sum a pass, a head's scores or weighted values, or the lanes' scale takes (all lanes), lane 0's sum of
    /// squares plus epsilon, and the serial path's input (those sums, a head's scores times the score scale, the weights
    /// e * y1, lane 0's scale x * K, the embedding's aligned sum).
    /// </summary>
    private static (int Drain, int Lane0, int Serial) Needed(NumericsPlan plan, CompactStepProgram program)
    {
        var c = plan.Config;
        var need = 0;
        foreach (var tensor in plan.Tensors.Where(t => t.Name != TensorNames.Wte && t.Name != TensorNames.Wpe))
        {
            // fc2 multiplies ReLU outputs (0 .. 32767); every other product signed codes (-32768 .. 32767).
            var relu = tensor.Name.Contains("fc2", StringComparison.Ordinal);
            foreach (var row in tensor.Codes.Chunk(tensor.Cols))
            {
                var pos = row.Where(w => w > 0).Sum(w => (long)w);
                var neg = row.Where(w => w < 0).Sum(w => -(long)w);
                need = relu
                    ? Math.Max(need, Signed(-neg * 32767, pos * 32767))
                    : Math.Max(need, Signed(-(pos * 32768 + neg * 32767), pos * 32767 + neg * 32768));
            }
        }
        need = Math.Max(need, Signed(-32768L * 32767 * c.HeadDim, 32768L * 32768 * c.HeadDim));
        // Weighted values: the weights Rq(e_t * y1(Z), Fr + b(Z)) of one head sum to less than Z * y1 * 2^(Na - Fr - b) + len,
        // for every denominator Z = sum e_t, 1 .. BlockSize * Exp2(0).
        var units = new NonlinearUnits(plan.Tables);
        var fr = plan.Tables.RecipFracBits;
        var yMax = 0L;
        for (var l = 0; l < c.NLayer; l++)
        {
            var na = plan.Format(ActivationSite.AttnWeights, l).FracBits;
            var sumW = 0.0;
            for (long z = 1; z <= (long)c.BlockSize * units.Exp2(0); z++)
            {
                var y1 = units.Reciprocal(z, out var b);
                yMax = Math.Max(yMax, y1);
                sumW = Math.Max(sumW, Math.ScaleB((double)z * y1, na - fr - b) + c.BlockSize);
            }
            var bound = (long)Math.Ceiling(Math.Min(sumW, 32767.0 * c.BlockSize));
            need = Math.Max(need, Signed(-32768 * bound, 32767 * bound));
        }
        if (program.NscLanes)
            need = Math.Max(need, Signed(-32768L * 32767, 32767L * 32767));
        var ss = ((long)c.NEmbd << 30) + program.MaxEps;
        var serial = Math.Max(need, Signed(0, units.Exp2(0) * yMax));
        if (plan.ScoreScale is { } scale)
            serial = Math.Max(serial, Signed(-32768L * 32767 * c.HeadDim * scale, 32768L * 32768 * c.HeadDim * scale));
        if (!program.NscLanes)
        {
            var k = 32767 * plan.RmsScale >> NumericsPlan.RmsScaleFracBits;
            serial = Math.Max(serial, Signed(-32768 * k, 32767 * k));
        }
        var emb = (1L << program.Uops[0].ShA) + (1L << program.Uops[0].ShB);
        serial = Math.Max(serial, Signed(-32768 * emb, 32767 * emb));
        return (need, Math.Max(need, Signed(0, ss)), serial);
    }

    [GeneratedRegex(@"logic signed \[(\d+):0\]\s+(\w+)")]
    private static partial Regex Declaration();

    [TestCase("talos", 8)]
    [TestCase("talos", 1)]
    [TestCase("talos", 4)]
    [TestCase("talos-q4", 8)]
    [TestCase("names", 8)]
    [TestCase("wide2", 8)]
    [TestCase("wide2-auto", 8)]
    public void TheGeneratedSumsAreWideEnough(string model, int lanes)
    {
        var plan = Plan(model);
        var files = new BuildPlan("test");
        CompactStepDesign.AddTo(files, TemplateRenderer.ForShipped(TemplateFolders.Hdl), plan, lanes);
        var sv = System.Text.Encoding.UTF8.GetString(files.Files.Single(f => f.Path == "hwgen_step.sv").Content);
        var widths = Declaration().Matches(sv).GroupBy(m => m.Groups[2].Value)
            .ToDictionary(g => g.Key, g => int.Parse(g.First().Groups[1].Value, CultureInfo.InvariantCulture) + 1);
        var (drain, lane0, serial) = Needed(plan, CompactStepProgram.Build(plan, new CompactStepLayout(plan.Config, lanes)));
        TestContext.Out.WriteLine($"{model} L{lanes}: need drain {drain}, lane0 {lane0}, serial {serial}; generated {string.Join(", ", widths.Where(w => w.Key is "acc_q" or "acc0_q" or "hold_q" or "sin_d" or "rq1_in").Select(w => $"{w.Key} {w.Value}"))}");
        Assert.Multiple(() =>
        {
            Assert.That(widths["hold_q"], Is.GreaterThanOrEqualTo(drain), "hold chain");
            // (One lane has lane 0's accumulator only.)
            if (lanes > 1)
                Assert.That(widths["acc_q"], Is.GreaterThanOrEqualTo(drain), "lanes' accumulators");
            Assert.That(widths["acc0_q"], Is.GreaterThanOrEqualTo(lane0), "lane 0's accumulator");
            Assert.That(widths["sin_d"], Is.GreaterThanOrEqualTo(serial), "serial path");
            Assert.That(widths["rq1_in"], Is.GreaterThanOrEqualTo(serial), "requantizer");
        });
    }
}
