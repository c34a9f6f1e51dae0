using HwGen.Training;

namespace HwGen.Tests.Training;

public class TrainingCorpusTests
{
    [Test]
    public void NamesGiveMicroGptsVocabulary()
    {
        var corpus = TrainingCorpus.Load(TestPaths.NamesCorpus);
        Assert.Multiple(() =>
        {
            Assert.That(corpus.Vocab, Is.EqualTo("abcdefghijklmnopqrstuvwxyz"));
            Assert.That(corpus.Bos, Is.EqualTo(26));
            Assert.That(corpus.Documents, Has.Count.EqualTo(32_033));
            Assert.That(corpus.Documents[0], Is.EqualTo("emma"));
            Assert.That(corpus.Sequence(0, 16), Is.EqualTo(new[] { 26, 4, 12, 12, 0, 26 }));
        });
    }

    [Test]
    public void LinesAreTrimmedBlankLinesSkippedAndLongDocumentsCut()
    {
        var corpus = TrainingCorpus.FromLines(["  cab\r", "", "   ", "abcabc"], "mem");
        Assert.Multiple(() =>
        {
            Assert.That(corpus.Documents, Is.EqualTo(new[] { "cab", "abcabc" }));
            Assert.That(corpus.Vocab, Is.EqualTo("abc"));
            Assert.That(corpus.Sequence(0, 8), Is.EqualTo(new[] { 3, 2, 0, 1, 3 }));
            // block 4: BOS + the first 4 characters; the closing BOS is cut off.
            Assert.That(corpus.Sequence(1, 4), Is.EqualTo(new[] { 3, 0, 1, 2, 0 }));
            // block 7 holds the whole document and the closing BOS exactly.
            Assert.That(corpus.Sequence(1, 7), Is.EqualTo(new[] { 3, 0, 1, 2, 0, 1, 2, 3 }));
        });
    }

    [Test]
    public void MissingFileIsAClearError()
    {
        var path = Path.Combine(TestPaths.NewTempDir("corpus"), "nope.txt");
        var e = Assert.Throws<HwGenException>(() => TrainingCorpus.Load(path));
        Assert.That(e!.Message, Is.EqualTo($"{path}: corpus file not found; give a text file with one document (e.g. a name) per line."));
    }

    [Test]
    public void EmptyCorpusIsAClearError()
    {
        var e = Assert.Throws<HwGenException>(() => TrainingCorpus.FromLines(["", "  "], "empty.txt"));
        Assert.That(e!.Message, Is.EqualTo("empty.txt: the corpus has no documents (every line is blank); give at least one non-empty line."));
    }
}
