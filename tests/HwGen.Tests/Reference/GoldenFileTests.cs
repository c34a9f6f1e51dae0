using HwGen.Model;
using HwGen.Reference;

namespace HwGen.Tests.Reference;

public class GoldenFileTests
{
    private const string Header = "\"model\": \"m.safetensors\", \"config\": {\"n_layer\": 1, \"n_embd\": 4, \"n_head\": 2, \"block_size\": 3, \"vocab_size\": 3}, \"bos\": 2";

    private static GoldenFile Parse(string cases) => GoldenFile.Parse($"{{{Header}, \"cases\": [{cases}]}}", "g.json");

    private static string Error(string cases) => Assert.Throws<HwGenException>(() => Parse(cases))!.Message;

    [Test]
    public void ReadsTheSharedTalosFile()
    {
        var g = GoldenFile.Load(TestPaths.TalosGolden);
        Assert.That(g.Model, Is.EqualTo("talos-v2-microgpt.safetensors"));
        Assert.That(g.Config, Is.EqualTo(ModelConfig.MicroGpt with { Vocab = null }));
        Assert.That(g.Cases[0].Tokens, Is.EqualTo(new[] { 26, 13, 4, 4, 11, 24 }));
        Assert.That(g.Cases[0].Logits[0][0], Is.EqualTo(1.0249581657370834));
    }

    [Test]
    public void ReadsAWellFormedCase()
    {
        var g = Parse("{\"tokens\": [2, 0], \"logits\": [[0.5, -1, 2], [1, 2, 3]]}");
        Assert.That(g.Positions, Is.EqualTo(2));
        Assert.That(g.Cases[0].Logits[1], Is.EqualTo(new[] { 1.0, 2.0, 3.0 }));
    }

    [Test]
    public void LogitsRowOfTheWrongLengthIsNamed() =>
        Assert.That(Error("{\"tokens\": [2, 0], \"logits\": [[0, 0, 0], [1, 2]]}"),
            Is.EqualTo("g.json: case 0 logits row 1 has 2 values; vocab_size is 3."));

    [Test]
    public void TokenOutOfRangeIsNamed() =>
        Assert.That(Error("{\"tokens\": [2], \"logits\": [[0, 0, 0]]}, {\"tokens\": [2, 3], \"logits\": [[0, 0, 0], [0, 0, 0]]}"),
            Is.EqualTo("g.json: case 1 token 1 is 3, outside the vocabulary 0..2."));

    [Test]
    public void RowCountMustMatchTokenCount() =>
        Assert.That(Error("{\"tokens\": [2, 0], \"logits\": [[0, 0, 0]]}"),
            Is.EqualTo("g.json: case 0 has 1 logits rows for 2 tokens; it needs one row per token."));

    [Test]
    public void CaseLongerThanTheBlockIsRejected() =>
        Assert.That(Error("{\"tokens\": [2, 0, 1, 0], \"logits\": [[0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0]]}"),
            Is.EqualTo("g.json: case 0 has 4 tokens, more than block_size 3."));

    [Test]
    public void MissingFieldIsNamed() =>
        Assert.That(Error("{\"tokens\": [2]}"),
            Is.EqualTo("g.json: case 0 has no 'logits'; see the golden schema in shared/README.md."));

    [Test]
    public void InvalidJsonIsOneLine()
    {
        var e = Assert.Throws<HwGenException>(() => GoldenFile.Parse("{ nope", "g.json"))!;
        Assert.That(e.Message, Does.StartWith("g.json: not valid JSON ("));
        Assert.That(e.Message, Does.Not.Contain("\n"));
    }

    [Test]
    public void ConfigMismatchWithTheModelIsNamed()
    {
        var g = GoldenFile.Load(TestPaths.Wide2Golden);
        var e = Assert.Throws<HwGenException>(() => g.CheckMatches(ModelConfig.MicroGpt, "talos.safetensors"))!;
        Assert.That(e.Message, Is.EqualTo(
            $"{TestPaths.Wide2Golden}: golden config (n_embd 32, n_head 4, n_layer 2, block 16, vocab 27, bos 26) does not match the model talos.safetensors (n_embd 16, n_head 4, n_layer 1, block 16, vocab 27, bos 26); give the golden file made for this model."));
    }
}
