using System.Text.Json;

namespace HwGen.Tests.Cli;

public class EvalCommandTests
{
    [Test]
    public void GoldenReportShowsErrorsAndAgreement()
    {
        var r = CliInvocation.Run("eval", "--model", TestPaths.TalosModel, "--golden", TestPaths.TalosGolden);
        Assert.That(r.ExitCode, Is.Zero, r.Stderr);
        var lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[1], Is.EqualTo("golden:          talos-v2-logits.json, 64 cases, 585 positions"));
        Assert.That(lines[2], Does.StartWith("max |error|:     "));
        Assert.That(lines[4], Is.EqualTo("top-1 agreement: 1.000000 (585/585)"));
    }

    [Test]
    public void GoldenJsonHasTheErrorFigures()
    {
        var r = CliInvocation.Run("eval", "--model", TestPaths.Wide2Model, "--golden", TestPaths.Wide2Golden, "--json");
        Assert.That(r.ExitCode, Is.Zero, r.Stderr);
        var c = JsonDocument.Parse(r.Stdout).RootElement.GetProperty("comparison");
        Assert.That(c.GetProperty("positions").GetInt32(), Is.EqualTo(230));
        Assert.That(c.GetProperty("max_abs_error").GetDouble(), Is.LessThanOrEqualTo(1e-9));
        Assert.That(c.GetProperty("top1_agreement").GetDouble(), Is.EqualTo(1.0));
    }

    // Golden case 0 of each file is BOS + a name: its logits are exactly the model's predictions for
    // the corpus document of that name (targets: the name's letters, then BOS), so the expected NLL
    // comes from them. wide2's metadata has no vocabulary: --vocab gives it.
    [TestCase("talos", null)]
    [TestCase("wide2", "abcdefghijklmnopqrstuvwxyz")]
    public void CorpusNllEqualsTheNllOfTheGoldenLogits(string which, string? vocab)
    {
        var (model, goldenFile) = which == "talos" ? (TestPaths.TalosModel, TestPaths.TalosGolden) : (TestPaths.Wide2Model, TestPaths.Wide2Golden);
        var golden = HwGen.Reference.GoldenFile.Load(goldenFile).Cases[0];
        var name = new string(golden.Tokens.Skip(1).Select(t => (char)('a' + t)).ToArray());
        var targets = golden.Tokens.Skip(1).Append(26).ToArray();
        var expected = targets.Select((t, i) =>
        {
            var row = golden.Logits[i];
            return Math.Log(row.Sum(v => Math.Exp(v - row.Max()))) + row.Max() - row[t];
        }).Average();
        var file = Path.Combine(TestPaths.NewTempDir("eval"), "one.txt");
        File.WriteAllText(file, name + "\n\n");

        string[] args = ["eval", "--model", model, "--corpus", file, "--json"];
        var r = CliInvocation.Run(vocab is null ? args : [.. args, "--vocab", vocab]);
        Assert.That(r.ExitCode, Is.Zero, r.Stderr);
        var root = JsonDocument.Parse(r.Stdout).RootElement;
        var loss = root.GetProperty("loss");
        Assert.That(name, Has.Length.GreaterThan(1).And.Match("^[a-z]+$"));
        Assert.That(loss.GetProperty("documents").GetInt32(), Is.EqualTo(1));
        Assert.That(loss.GetProperty("tokens").GetInt64(), Is.EqualTo(name.Length + 1));
        Assert.That(loss.GetProperty("mean_nll").GetDouble(), Is.EqualTo(expected).Within(1e-12));
        Assert.That(root.GetProperty("tokens_per_second").GetDouble(), Is.GreaterThan(0));
    }

    [Test]
    public void CorpusTextReportNamesTheFigures()
    {
        var file = Path.Combine(TestPaths.NewTempDir("eval"), "two.txt");
        File.WriteAllText(file, "emma\nava\n");
        var r = CliInvocation.Run("eval", "--model", TestPaths.TalosModel, "--corpus", file);
        Assert.That(r.ExitCode, Is.Zero, r.Stderr);
        var lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[1], Is.EqualTo("corpus:   two.txt, 2 documents, 9 predicted tokens"));
        Assert.That(lines[2], Does.Match(@"^mean NLL: \d\.\d{6} nats/token$"));
        Assert.That(lines[3], Does.Match(@"^speed:    \d+\.\d{3} s, \d+ tokens/s$"));
    }

    [Test]
    public void GoldenForAnotherModelIsOneLineError()
    {
        var r = CliInvocation.Run("eval", "--model", TestPaths.TalosModel, "--golden", TestPaths.Wide2Golden);
        Assert.That(r.ExitCode, Is.EqualTo(2));
        Assert.That(r.Stdout, Is.Empty);
        Assert.That(r.Stderr, Does.StartWith($"hwgen: error: {TestPaths.Wide2Golden}: golden config (n_embd 32,"));
        Assert.That(r.Stderr.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
    }

    [Test]
    public void CorpusCharacterOutsideTheVocabularyIsNamed()
    {
        var dir = TestPaths.NewTempDir("eval");
        var file = Path.Combine(dir, "bad.txt");
        File.WriteAllText(file, "emma\nOlivia\n");
        var r = CliInvocation.Run("eval", "--model", TestPaths.TalosModel, "--corpus", file);
        Assert.That(r.ExitCode, Is.EqualTo(2));
        Assert.That(r.Stderr.TrimEnd(), Is.EqualTo($"hwgen: error: {file} line 2: character 'O' at column 1 is not in the model's vocabulary \"abcdefghijklmnopqrstuvwxyz\"."));
    }

    [TestCase]
    [TestCase("--golden", "g.json", "--corpus", "c.txt")]
    public void NeedsExactlyOneOfGoldenOrCorpus(params string[] extra)
    {
        var r = CliInvocation.Run(["eval", "--model", TestPaths.TalosModel, .. extra]);
        Assert.That(r.ExitCode, Is.EqualTo(2));
        Assert.That(r.Stderr.TrimEnd(), Is.EqualTo("hwgen: error: eval needs exactly one of --golden FILE or --corpus FILE."));
    }

    [Test]
    public void CorpusOnAModelWithoutVocabularyAsksForVocab()
    {
        var r = CliInvocation.Run("eval", "--model", TestPaths.Wide2Model, "--corpus", TestPaths.NamesCorpus);
        Assert.That(r.ExitCode, Is.EqualTo(2));
        Assert.That(r.Stderr.Trim(), Is.EqualTo("hwgen: error: wide2-e32h4l2b16v27.safetensors: the model has no vocabulary characters in its metadata, so the corpus cannot be encoded; give them with --vocab (e.g. --vocab abcdefghijklmnopqrstuvwxyz)."));
    }

    [Test]
    public void VocabOfTheWrongLengthIsRefused()
    {
        var r = CliInvocation.Run("eval", "--model", TestPaths.Wide2Model, "--corpus", TestPaths.NamesCorpus, "--vocab", "abc");
        Assert.That(r.ExitCode, Is.EqualTo(2));
        Assert.That(r.Stderr.Trim(), Is.EqualTo("hwgen: error: --vocab \"abc\": vocab has 3 characters but vocab_size 27 needs 26 (every token but BOS)."));
    }
}
