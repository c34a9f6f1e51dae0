using System.Text.Json;
using HwGen.Model;
using HwGen.Numerics;
using HwGen.Quantization;
using HwGen.Tests.Cli;

namespace HwGen.Tests.Quantization;

public class QuantizedOutputTests
{
    [Test]
    public void QuantizeWritesOneMemPerTensorAndAManifest()
    {
        var dir = Path.Combine(TestPaths.NewTempDir("quantize"), "rom");
        var run = CliInvocation.Run("quantize", "--model", TestPaths.TalosModel, "--out", dir, "--format", "Q4.12", "--json");
        Assert.That(run.ExitCode, Is.Zero, run.Stderr);
        var files = Directory.GetFiles(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.That(files, Is.EqualTo(new[]
        {
            ".hwgen-plan", "layer0_attn_wk.mem", "layer0_attn_wo.mem", "layer0_attn_wq.mem", "layer0_attn_wv.mem", "layer0_mlp_fc1.mem",
            "layer0_mlp_fc2.mem", "lm_head.mem", "manifest.json", "wpe.mem", "wte.mem",
        }));
        // The words equal the TALOS-V2 ROM image.
        var rom = File.ReadAllText(Path.Combine(TestPaths.Shared, "models", "talos-v2-rom-q4.12", "layer0_mlp_fc1_q12.hex"));
        Assert.That(File.ReadAllText(Path.Combine(dir, "layer0_mlp_fc1.mem")).Split('\n', StringSplitOptions.RemoveEmptyEntries),
            Is.EqualTo(rom.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim().ToLowerInvariant())));

        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")));
        var root = manifest.RootElement;
        Assert.That(root.GetProperty("format_rule").GetString(), Is.EqualTo("Q4.12"));
        Assert.That(root.GetProperty("rounding").GetString(), Is.EqualTo("nearest_even"));
        var fc1 = root.GetProperty("tensors").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "layer0.mlp_fc1");
        Assert.That(fc1.GetProperty("file").GetString(), Is.EqualTo("layer0_mlp_fc1.mem"));
        Assert.That(fc1.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()), Is.EqualTo(new[] { 64, 16 }));
        Assert.That(fc1.GetProperty("clipped").GetInt32(), Is.Zero);
        Assert.That(fc1.GetProperty("snr_db").GetDouble(), Is.GreaterThan(40));
        Assert.That(root.GetProperty("activations").GetArrayLength(), Is.EqualTo(16));
        Assert.That(root.GetProperty("constants").GetProperty("score_shift").GetInt32(), Is.EqualTo(1));
        Assert.That(root.GetProperty("constants").GetProperty("rms_eps_code").GetProperty("embedding_norm").GetInt64(), Is.EqualTo(2684));

        using var stdout = JsonDocument.Parse(run.Stdout);
        Assert.That(stdout.RootElement.GetProperty("tensors").GetArrayLength(), Is.EqualTo(9));
    }

    [Test]
    public void AWrittenPlanLoadsBackAndRunsIdentically()
    {
        var weights = SafeTensors.Load(TestPaths.TalosModel);
        var plan = PlanBuilder.Auto(weights, Calibration.Measure(weights, Calibration.SampledDocuments(weights, 50)), "50 samples");
        var dir = Path.Combine(TestPaths.NewTempDir("quantize"), "rom");
        QuantizedOutput.Write(plan, TestPaths.TalosModel, dir);
        var loaded = QuantizedOutput.Load(dir);
        Assert.That(loaded.Config, Is.EqualTo(plan.Config));
        Assert.That(loaded.Sites, Is.EqualTo(plan.Sites));
        Assert.That(loaded.Tensors.Select(t => (t.Name, t.Format, t.Codes.ToArray())), Is.EqualTo(plan.Tensors.Select(t => (t.Name, t.Format, t.Codes.ToArray()))));
        var a = new HwGen.Golden.FixedGpt(plan);
        var b = new HwGen.Golden.FixedGpt(loaded);
        foreach (var t in new[] { 26, 4, 12, 12, 0 })
            Assert.That(b.StepCodes(t).ToArray(), Is.EqualTo(a.StepCodes(t).ToArray()));
    }

    [Test]
    public void AnEditedConstantIsRefused()
    {
        var weights = SafeTensors.Load(TestPaths.TalosModel);
        var dir = Path.Combine(TestPaths.NewTempDir("quantize"), "rom");
        QuantizedOutput.Write(PlanBuilder.Fixed(weights, QFormat.Parse("Q4.12")), TestPaths.TalosModel, dir);
        var path = Path.Combine(dir, Manifest.FileName);
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"log2_e\": 47274", "\"log2_e\": 47275"));
        var e = Assert.Throws<HwGenException>(() => QuantizedOutput.Load(dir));
        Assert.That(e!.Message, Is.EqualTo($"{path}: the constants do not follow from the formats and tables (edited by hand?); write the directory again with hwgen quantize."));
        File.Delete(Path.Combine(dir, "wpe.mem"));
        e = Assert.Throws<HwGenException>(() => QuantizedOutput.Load(dir));
        Assert.That(e!.Message, Is.EqualTo($"{Path.Combine(dir, "wpe.mem")}: the .mem file of tensor 'wpe' is missing."));
    }

    [Test]
    public void TheManifestIsDeterministic()
    {
        var weights = SafeTensors.Load(TestPaths.TalosModel);
        var a = QuantizedOutput.Render(PlanBuilder.Fixed(weights, QFormat.Parse("Q4.12")), "m.safetensors", "00");
        var b = QuantizedOutput.Render(PlanBuilder.Fixed(weights, QFormat.Parse("Q4.12")), "m.safetensors", "00");
        Assert.That(a, Is.EqualTo(b));
        Assert.That(a[Manifest.FileName], Does.Not.Contain("\r"));
    }

    [Test]
    public void RewritingReplacesTheDirectoryAsAWhole()
    {
        var dir = Path.Combine(TestPaths.NewTempDir("quantize"), "rom");
        var plan = PlanBuilder.Fixed(SafeTensors.Load(TestPaths.TalosModel), QFormat.Parse("Q4.12"));
        QuantizedOutput.Write(plan, TestPaths.TalosModel, dir);
        var first = Directory.GetFiles(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        File.WriteAllText(Path.Combine(dir, "stale.mem"), "0000\n");
        QuantizedOutput.Write(plan, TestPaths.TalosModel, dir);
        Assert.That(Directory.GetFiles(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal), Is.EqualTo(first));
        Assert.That(first, Does.Contain(Manifest.FileName));
        Assert.That(Directory.GetFileSystemEntries(Path.GetDirectoryName(dir)!), Is.EqualTo(new[] { dir }), "no temporary folder is left");
    }

    [Test]
    public void AFolderOfOtherFilesIsNeverReplaced()
    {
        var dir = Path.Combine(TestPaths.NewTempDir("quantize"), "mine");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "notes.txt"), "keep me");
        var run = CliInvocation.Run("quantize", "--model", TestPaths.TalosModel, "--out", dir, "--format", "Q4.12");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Stderr.Trim(), Is.EqualTo($"hwgen: error: Output folder {dir} already holds files HwGen did not write. Choose another --out or empty it."));
        Assert.That(Directory.GetFileSystemEntries(dir), Is.EqualTo(new[] { Path.Combine(dir, "notes.txt") }));
        Assert.That(File.ReadAllText(Path.Combine(dir, "notes.txt")), Is.EqualTo("keep me"));
    }

    [Test]
    public void AFileInTheWayIsAClearErrorAndNothingIsWritten()
    {
        var parent = TestPaths.NewTempDir("quantize");
        var target = Path.Combine(parent, "rom");
        File.WriteAllText(target, "x");
        var run = CliInvocation.Run("quantize", "--model", TestPaths.TalosModel, "--out", target, "--format", "Q4.12");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Stderr.Trim(), Is.EqualTo($"hwgen: error: Output folder {target} is a file. Choose another --out."));
        Assert.That(Directory.GetFileSystemEntries(parent), Is.EqualTo(new[] { target }));
    }

    [Test]
    public void ClippedTensorsGetANoteWithTheFormatTheyNeed()
    {
        var lm = SafeTensors.Load(TestPaths.TalosModel).LmHead.Data;
        // Q1.15 holds -1 .. 32767/32768; rounding carries w >= 32767.5/32768 out of range.
        var clipped = lm.Count(w => w * 32768 >= 32767.5 || w * 32768 < -32768.5);
        var run = CliInvocation.Run("quantize", "--model", TestPaths.TalosModel, "--out", Path.Combine(TestPaths.NewTempDir("q"), "rom"), "--format", "Q1.15");
        Assert.That(run.ExitCode, Is.Zero, run.Stderr);
        Assert.That(clipped, Is.GreaterThan(0));
        Assert.That(run.Stdout, Does.Contain($"note: {clipped} weights of 'lm_head' were clipped: its max |w| 1.333 needs 2 integer bits; Q1.15 has 1. Use --format auto or Q2.14."));
    }

    [Test]
    public void ABadFormatIsAClearError()
    {
        var run = CliInvocation.Run("quantize", "--model", TestPaths.TalosModel, "--out", TestPaths.NewTempDir("q"), "--format", "Q4.13");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Stderr.Trim(), Is.EqualTo("hwgen: error: --format: 'Q4.13' has 17 bits; HwGen codes are 16-bit, so m + n must be 16 (e.g. Q4.12 or Q3.13)."));
    }
}
