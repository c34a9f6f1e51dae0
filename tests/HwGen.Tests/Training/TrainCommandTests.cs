using System.Text.Json;
using HwGen.Cli;
using HwGen.Tests.Cli;
using HwGen.Model;

namespace HwGen.Tests.Training;

public class TrainCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var result = CliInvocation.Run(["train", .. args]);
        return (result.ExitCode, result.Stdout, result.Stderr);
    }

    private static string WriteCorpus(string dir, params string[] lines)
    {
        var path = Path.Combine(dir, "corpus.txt");
        File.WriteAllLines(path, lines);
        return path;
    }

    [Test]
    public void TrainsAndWritesTheModelAndOneJsonObject()
    {
        var dir = TestPaths.NewTempDir("train-cli");
        var corpus = WriteCorpus(dir, "abba", "cab", "bac");
        var output = Path.Combine(dir, "out", "m.safetensors");
        var (code, stdout, stderr) = Run("--corpus", corpus, "--out", output, "--steps", "20", "--batch", "2",
            "--n-embd", "8", "--n-head", "2", "--block-size", "6", "--json");
        Assert.That(code, Is.EqualTo(0), stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("out").GetString(), Is.EqualTo(output));
            Assert.That(root.GetProperty("steps").GetInt32(), Is.EqualTo(20));
            Assert.That(root.GetProperty("final_loss").GetDouble(), Is.GreaterThan(0));
            Assert.That(root.GetProperty("seconds").GetDouble(), Is.GreaterThanOrEqualTo(0));
            Assert.That(SafeTensors.Load(output).Config, Is.EqualTo(new ModelConfig(1, 8, 2, 6, 4, 3, "abc")));
            Assert.That(Directory.GetFiles(Path.GetDirectoryName(output)!), Has.Length.EqualTo(1));
        });
    }

    [Test]
    public void MissingCorpusIsOneClearLineAndNoOutput()
    {
        var dir = TestPaths.NewTempDir("train-cli");
        var corpus = Path.Combine(dir, "missing.txt");
        var output = Path.Combine(dir, "m.safetensors");
        var (code, stdout, stderr) = Run("--corpus", corpus, "--out", output);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(CliRunner.UserError));
            Assert.That(stderr, Is.EqualTo($"hwgen: error: {corpus}: corpus file not found; give a text file with one document (e.g. a name) per line.{Environment.NewLine}"));
            Assert.That(stdout, Is.Empty);
            Assert.That(File.Exists(output), Is.False);
        });
    }

    [Test]
    public void EmptyCorpusIsAClearError()
    {
        var dir = TestPaths.NewTempDir("train-cli");
        var corpus = WriteCorpus(dir, "", " ");
        var (code, _, stderr) = Run("--corpus", corpus, "--out", Path.Combine(dir, "m.safetensors"));
        Assert.That(code, Is.EqualTo(CliRunner.UserError));
        Assert.That(stderr, Is.EqualTo($"hwgen: error: {corpus}: the corpus has no documents (every line is blank); give at least one non-empty line.{Environment.NewLine}"));
    }

    [Test]
    public void NEmbdNotDivisibleByNHeadIsAClearError()
    {
        var dir = TestPaths.NewTempDir("train-cli");
        var corpus = WriteCorpus(dir, "ab");
        var output = Path.Combine(dir, "m.safetensors");
        var (code, _, stderr) = Run("--corpus", corpus, "--out", output, "--n-embd", "10", "--n-head", "4");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(CliRunner.UserError));
            Assert.That(stderr, Is.EqualTo($"hwgen: error: hwgen train: n_embd 10 is not divisible by n_head 4; choose n_head among the divisors of n_embd.{Environment.NewLine}"));
            Assert.That(File.Exists(output), Is.False);
        });
    }

    [Test]
    public void NonPositiveStepsIsAClearError()
    {
        var dir = TestPaths.NewTempDir("train-cli");
        var (code, _, stderr) = Run("--corpus", WriteCorpus(dir, "ab"), "--out", Path.Combine(dir, "m.safetensors"), "--steps", "0");
        Assert.That(code, Is.EqualTo(CliRunner.UserError));
        Assert.That(stderr, Is.EqualTo($"hwgen: error: --steps is 0; give a positive number of optimizer steps.{Environment.NewLine}"));
    }
}
