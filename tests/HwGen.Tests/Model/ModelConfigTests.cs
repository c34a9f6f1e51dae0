using HwGen.Model;

namespace HwGen.Tests.Model;

public class ModelConfigTests
{
    [Test]
    public void MicroGptHas4192Parameters()
    {
        Assert.That(ModelConfig.MicroGpt.Validated().ParameterCount, Is.EqualTo(4192));
    }

    [Test]
    public void NEmbdNotDivisibleByNHeadIsRejectedWithAClearMessage()
    {
        var e = Assert.Throws<HwGenException>(() => (ModelConfig.MicroGpt with { NHead = 3 }).Validated("m.safetensors"));
        Assert.That(e!.Message, Is.EqualTo("m.safetensors: n_embd 16 is not divisible by n_head 3; choose n_head among the divisors of n_embd."));
    }

    [TestCase(0, 16, 4, 16, 27, 26, "n_layer is 0")]
    [TestCase(1, 16, 4, 0, 27, 26, "block_size is 0")]
    [TestCase(1, 16, 4, 16, 27, 27, "bos 27 is outside the vocabulary 0..26")]
    [TestCase(1, 16, 4, 16, 27, -1, "bos -1 is outside the vocabulary 0..26")]
    public void InvalidShapesAreRejected(int l, int e, int h, int b, int v, int bos, string expected)
    {
        var ex = Assert.Throws<HwGenException>(() => new ModelConfig(l, e, h, b, v, bos).Validated());
        Assert.That(ex!.Message, Does.Contain(expected));
    }

    [Test]
    public void SharedModelsLoadWithTheirMetadata()
    {
        var talos = SafeTensors.Load(TestPaths.TalosModel);
        Assert.That(talos.Config, Is.EqualTo(ModelConfig.MicroGpt));
        var wide = SafeTensors.Load(TestPaths.Wide2Model);
        Assert.That(wide.Config with { Vocab = null }, Is.EqualTo(new ModelConfig(2, 32, 4, 16, 27, 26)));
        Assert.That(wide.Layers, Has.Count.EqualTo(2));
    }

    [Test]
    public void VocabularyRoundTripsNames()
    {
        var vocab = new Vocabulary(ModelConfig.MicroGpt);
        var tokens = vocab.Encode("emma");
        Assert.That(tokens, Is.EqualTo(new[] { 4, 12, 12, 0 }));
        Assert.That(vocab.Decode(tokens.Append(26)), Is.EqualTo("emma"));
    }
}
