using HwGen.Golden;
using HwGen.Numerics;
using HwGen.Quantization;
using HwGen.Reference;
using HwGen.Rtl;
using HwGen.Rtl.Compact;

namespace HwGen.Tests.Rtl.Compact;

/// <summary>
/// The RmsNorm factor tables of the compact step: where they go, what each word holds, and when there are none.
/// The expected factors are worked out from the golden model's observed activations (the embedding and its norm)
/// with the rsqrt unit, not from the tables' own code path.
/// </summary>
public class CompactNormTablesTests
{
    private static NumericsPlan Talos => CoreArch.Compact.PlanFor(RtlTestModels.TalosAuto);

    /// <summary>Each (token, position)'s factors from a real step: 1/sqrt of the observed input's sum of squares plus epsilon.</summary>
    private static Dictionary<(ActivationSite, int, int), RmsFactor> ObservedFactors(NumericsPlan plan)
    {
        var c = plan.Config;
        var units = new NonlinearUnits(plan.Tables);
        var observer = new Inputs();
        var model = new FixedGpt(plan, observer);
        var factors = new Dictionary<(ActivationSite, int, int), RmsFactor>();
        RmsFactor Of(int[] x, ActivationSite site, int layer)
        {
            var ss = x.Sum(v => (long)v * v);
            var y1 = units.Rsqrt(ss + plan.RmsEpsCode(plan.NormInputFormat(site, layer).FracBits), out var s);
            return new RmsFactor(y1, s);
        }
        for (var tok = 0; tok < c.VocabSize; tok++)
        {
            model.Reset();
            for (var pos = 0; pos < c.BlockSize; pos++)
            {
                model.StepCodes(tok);
                factors[(ActivationSite.EmbeddingNorm, tok, pos)] = Of(observer.Embedding, ActivationSite.EmbeddingNorm, -1);
                factors[(ActivationSite.AttnNorm, tok, pos)] = Of(observer.Normed, ActivationSite.AttnNorm, 0);
            }
        }
        return factors;
    }

    private sealed class Inputs : IFixedObserver
    {
        public int[] Embedding = [];
        public int[] Normed = [];

        public void Observe(ActivationSite site, int layer, QFormat format, ReadOnlySpan<int> codes)
        {
            if (site == ActivationSite.Embedding)
                Embedding = codes.ToArray();
            else if (site == ActivationSite.EmbeddingNorm)
                Normed = codes.ToArray();
        }
    }

    [Test]
    public void MicroGptAtEightLanesHasBothTablesInTheKvxBlockRamsSpareWords()
    {
        var layout = CompactStepLayout.For(Talos, 8);
        var bare = new CompactStepLayout(Talos.Config, 8);
        var tables = layout.NormTables.Tables;
        // 188 words per bank without them; 432 entries: one word each (54 a bank), then 4-bit codes (108 words, 14 a bank).
        Assert.That(bare.KvxDepth, Is.EqualTo(188));
        Assert.That(tables.Select(t => (t.Site, t.Layer, t.Coded, t.Base, t.Words.Count)), Is.EqualTo(new[]
        {
            (ActivationSite.EmbeddingNorm, -1, false, 188, 432),
            (ActivationSite.AttnNorm, 0, true, 188 + 54, 108),
        }));
        Assert.That(layout.KvxDepth, Is.EqualTo(256), "one SB_RAM40_4K a bank, as without the tables");
        Assert.That(layout.NormTables.CodeWords, Has.Count.InRange(1, 16));
    }

    [TestCase(8)]
    [TestCase(4)]
    public void EveryEntryGivesTheFactorsOfItsTokenAndPosition(int lanes)
    {
        var plan = Talos;
        var c = plan.Config;
        var layout = CompactStepLayout.For(plan, lanes);
        var expected = ObservedFactors(plan);
        Assert.That(layout.NormTables.Tables, Has.Count.EqualTo(2));
        foreach (var t in layout.NormTables.Tables)
        {
            var image = Enumerable.Range(0, lanes).Select(b => layout.KvxWords(b, new int[256], new int[256], new int[192],
                plan.Tensor(HwGen.Model.TensorNames.Wpe).Codes, c.NEmbd)).ToArray();
            for (var tok = 0; tok < c.VocabSize; tok++)
            {
                for (var pos = 0; pos < c.BlockSize; pos++)
                {
                    var e = tok * c.BlockSize + pos;
                    // The word as the step reads it: bank w mod L, row Base + w / L.
                    int Read(int w) => (int)image[w % lanes][t.Base + w / lanes];
                    var word = t.Coded ? layout.NormTables.CodeWords[(Read(e / 4) >> (4 * (e % 4))) & 15] : Read(e);
                    var got = new RmsFactor((1L << 14) + (word & 0x3FFF), t.SMin + 2 * (word >> 14));
                    Assert.That(got, Is.EqualTo(expected[(t.Site, tok, pos)]), $"{t.Site} token {tok} position {pos}");
                }
            }
        }
    }

    [Test]
    public void ThereAreNoneWithoutSpareWordsOrWithARmsScaleThatIsNotAPowerOfTwo()
    {
        // 1 lane: 1,504 words, 32 spare in the last block RAM; wide2 (n_embd 32): K needs the K products.
        Assert.That(CompactStepLayout.For(Talos, 1).NormTables.Tables, Is.Empty);
        Assert.That(CompactStepLayout.For(Talos, 1).KvxDepth, Is.EqualTo(new CompactStepLayout(Talos.Config, 1).KvxDepth));
        Assert.That(CompactStepLayout.For(CoreArch.Compact.PlanFor(RtlTestModels.Wide2), 8).NormTables.Tables, Is.Empty);
    }
}
