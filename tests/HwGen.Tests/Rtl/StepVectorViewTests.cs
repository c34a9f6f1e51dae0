using HwGen.Rtl;

namespace HwGen.Tests.Rtl;

public class StepVectorViewTests
{
    private static IReadOnlyList<StepVectorView> Vectors(HwGen.Quantization.NumericsPlan plan, int lanes)
    {
        var grid = LaneGrid.For(plan.Config, lanes);
        var vm = VectorMemoryMap.For(plan.Config, grid);
        var program = StepProgram.Build(plan, new WeightBankLayout(plan.Tensors.Select(t => (t.Name, t.Rows, t.Cols)), grid), vm);
        return StepVectorView.For(plan.Config, vm, program);
    }

    [Test]
    public void VectorsDeadBeforeAnotherIsWrittenShareItsWordsAndTheLogitsKeepTheirOwn()
    {
        // microGPT: the embedding is last read by embedding_norm before attn_norm writes the normed x;
        // q, k and v are last read by attention before fc1 writes the hidden vector (64 words), so they
        // sit inside it one after the other. Residual, attention output and logits keep their own words.
        var vectors = Vectors(RtlTestModels.Talos, 8).ToDictionary(v => v.Name, v => (v.Store, v.Offset));
        var index = Vectors(RtlTestModels.Talos, 8).Select((v, k) => (v.Name, k)).ToDictionary(p => p.Name, p => p.k);
        Assert.That(vectors["normed"], Is.EqualTo((index["embedding"], 0)));
        Assert.That(vectors["embedding"], Is.EqualTo((index["embedding"], 0)));
        Assert.That((vectors["query"], vectors["key"], vectors["value"], vectors["hidden"]), Is.EqualTo(
            ((index["hidden"], 0), (index["hidden"], 16), (index["hidden"], 32), (index["hidden"], 0))));
        Assert.That((vectors["residual"], vectors["attn_output"], vectors["logits"]), Is.EqualTo(
            ((index["residual"], 0), (index["attn_output"], 0), (index["logits"], 0))));
    }

    [Test]
    public void PortsFollowHowTheProgramReachesEachVector()
    {
        var v = Vectors(RtlTestModels.Talos, 8).ToDictionary(x => x.Name);
        // The residual stream: RmsNorm writes it (embedding_norm) and reads it; Wo and fc2 read and write its rows; lm_head reads it.
        Assert.That(v["residual"], Is.EqualTo(v["residual"] with
        {
            LaneWrite = true, RowWrite = true, WholeWrite = false, ChunkRead = true, RowRead = true,
        }));
        Assert.That(v["attn_output"], Is.EqualTo(v["attn_output"] with
        {
            LaneWrite = false, RowWrite = false, WholeWrite = true, ChunkRead = true, RowRead = false,
        }));
        Assert.That(v["logits"], Is.EqualTo(v["logits"] with
        {
            LaneWrite = false, RowWrite = true, WholeWrite = false, ChunkRead = false, RowRead = false,
        }));
    }
}
