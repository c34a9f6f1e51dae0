using System.CommandLine;
using System.Text.Json;
using HwGen.Cli;
using HwGen.Cli.Commands;

namespace HwGen.Tests.Cli;

/// <summary><c>hwgen info</c> run through <see cref="CliRunner"/> with captured output.</summary>
public class InfoCommandTests
{
    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var root = new RootCommand("test");
        root.Subcommands.Add(InfoCommand.Create());
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliRunner.Run(root, args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Test]
    public void JsonIsOneObjectWithConfigHashAndTensorRanges()
    {
        var (code, stdout, stderr) = Run("info", "--model", TestPaths.TalosModel, "--json");
        Assert.That(code, Is.EqualTo(0), stderr);
        Assert.That(stderr, Is.Empty);
        using var doc = JsonDocument.Parse(stdout);
        var r = doc.RootElement;
        Assert.That(r.ValueKind, Is.EqualTo(JsonValueKind.Object));
        Assert.That(r.GetProperty("sha256").GetString(), Is.EqualTo("ede37dfcc3e57c9f379791a5a51b165ae124b63089e9c31925c2b50107f59141"));
        Assert.That(r.GetProperty("parameter_count").GetInt32(), Is.EqualTo(4192));
        var c = r.GetProperty("config");
        Assert.That(c.GetProperty("n_embd").GetInt32(), Is.EqualTo(16));
        Assert.That(c.GetProperty("n_head").GetInt32(), Is.EqualTo(4));
        Assert.That(c.GetProperty("vocab").GetString(), Is.EqualTo("abcdefghijklmnopqrstuvwxyz"));

        var tensors = r.GetProperty("tensors").EnumerateArray().ToList();
        Assert.That(tensors.Select(t => t.GetProperty("name").GetString()), Is.EqualTo(new[]
        {
            "wte", "wpe", "lm_head", "layer0.attn_wq", "layer0.attn_wk", "layer0.attn_wv", "layer0.attn_wo", "layer0.mlp_fc1", "layer0.mlp_fc2",
        }));
        // Ranges read from the file independently with Python's struct module.
        var lmHead = tensors[2];
        Assert.That(lmHead.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()), Is.EqualTo(new[] { 27, 16 }));
        Assert.That(lmHead.GetProperty("dtype").GetString(), Is.EqualTo("F32"));
        Assert.That(lmHead.GetProperty("min").GetDouble(), Is.EqualTo(-0.7562722563743591));
        Assert.That(lmHead.GetProperty("max").GetDouble(), Is.EqualTo(1.3327010869979858));
        Assert.That(lmHead.GetProperty("max_abs").GetDouble(), Is.EqualTo(1.3327010869979858));
        var fc1 = tensors[7];
        Assert.That(fc1.GetProperty("min").GetDouble(), Is.EqualTo(-0.6416081786155701));
        Assert.That(fc1.GetProperty("max").GetDouble(), Is.EqualTo(0.5263274908065796));
        Assert.That(fc1.GetProperty("max_abs").GetDouble(), Is.EqualTo(0.6416081786155701));
    }

    [Test]
    public void TextShowsConfigHashAndOneLinePerTensor()
    {
        var (code, stdout, stderr) = Run("info", "--model", TestPaths.Wide2Model);
        Assert.That(code, Is.EqualTo(0), stderr);
        var lines = stdout.Split(Environment.NewLine);
        Assert.That(lines, Does.Contain("sha256      bcbe56c32947d66a7800579eab77d57eda61a5981018f0f36b86bfa391a39b53"));
        Assert.That(lines, Does.Contain("config      n_layer 2, n_embd 32, n_head 4, block_size 16, vocab_size 27, bos 26"));
        Assert.That(lines, Does.Contain("parameters  26816"));
        Assert.That(lines, Does.Contain("vocab       (not in the metadata)"));
        Assert.That(lines.Count(l => l.StartsWith("layer1.", StringComparison.Ordinal)), Is.EqualTo(6));
        Assert.That(lines.Single(l => l.StartsWith("layer1.mlp_fc1 ", StringComparison.Ordinal)), Does.Match(@"^layer1\.mlp_fc1 +\[128, 32\] +F32 +-?\d"));
    }

    [Test]
    public void ABadModelIsOneErrorLine()
    {
        var path = Path.Combine(TestPaths.NewTempDir("info"), "short.safetensors");
        File.WriteAllBytes(path, [1, 2, 3]);
        var (code, stdout, stderr) = Run("info", "--model", path, "--json");
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stdout, Is.Empty);
        Assert.That(stderr, Is.EqualTo($"hwgen: error: {path}: truncated file (3 bytes); a safetensors file starts with an 8-byte header length." + Environment.NewLine));
    }

    [Test]
    public void HelpNamesTheShippedModelNotAPathOfTheBuildOutput()
    {
        var (code, stdout, _) = Run("info", "--help");
        Assert.That(code, Is.EqualTo(0));
        var line = stdout.Split('\n').Single(l => l.Contains("--model", StringComparison.Ordinal));
        Assert.That(line.Trim(), Is.EqualTo("-m, --model <model>  Model weights (safetensors, microGPT tensor names). Default: the shipped microgpt-names.safetensors."));
    }

    [Test]
    public void WithoutModelItReadsTheShippedModel()
    {
        var (code, stdout, stderr) = Run("info", "--json");
        Assert.That(code, Is.EqualTo(0), stderr);
        using var doc = JsonDocument.Parse(stdout);
        Assert.That(doc.RootElement.GetProperty("sha256").GetString(), Is.EqualTo("a9d9671562b480f67590efd6349da712b48e2beed64a9d267a219c561d498257"));
    }
}
