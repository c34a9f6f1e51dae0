using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using HwGen.Model;

namespace HwGen.Tests.Model;

/// <summary>Writing safetensors: round trips, the reference layout, rounding, and atomic writes.</summary>
public class SafeTensorsWriterTests
{
    private static readonly ModelConfig Micro = ModelConfig.MicroGpt;

    /// <summary>A model whose every weight is a multiple of 1/16 in [-1, 1]: exact in every dtype.</summary>
    private static ModelWeights PatternModel(ModelConfig config) =>
        new(config, config.TensorShapes().ToDictionary(t => t.Name,
            t => new Matrix(t.Rows, t.Cols, Enumerable.Range(0, t.Rows * t.Cols).Select(i => SafeTensorsImage.ValueAt(t.Name, i)).ToArray())));

    private static (int HeaderLength, byte[] Header, byte[] Data) Split(byte[] file)
    {
        var n = (int)BinaryPrimitives.ReadUInt64LittleEndian(file);
        return (n, file[8..(8 + n)], file[(8 + n)..]);
    }

    [TestCase(SafeTensorsDType.F16)]
    [TestCase(SafeTensorsDType.BF16)]
    [TestCase(SafeTensorsDType.F32)]
    [TestCase(SafeTensorsDType.F64)]
    public void EveryDTypeRoundTripsExactly(SafeTensorsDType dtype)
    {
        var config = new ModelConfig(2, 8, 2, 4, 5, 0, "abcd");
        var model = PatternModel(config);
        var path = Path.Combine(TestPaths.NewTempDir("writer"), "m.safetensors");
        SafeTensors.Save(model, path, dtype, new Dictionary<string, string> { ["source"] = "round trip", ["note"] = "é \"q\"" });

        var file = SafeTensors.Read(path);
        Assert.That(file.Weights.Config, Is.EqualTo(config));
        Assert.That(file.DTypes.Values, Is.All.EqualTo(dtype));
        Assert.That(file.ExtraMetadata, Is.EqualTo(new Dictionary<string, string> { ["source"] = "round trip", ["note"] = "é \"q\"" }));
        foreach (var (name, _, _) in config.TensorShapes())
            Assert.That(file.Weights.Tensors[name].Data, Is.EqualTo(model.Tensors[name].Data), name);
        Assert.That(new FileInfo(path).Length, Is.EqualTo(8 + Split(File.ReadAllBytes(path)).HeaderLength + config.ParameterCount * dtype switch
        {
            SafeTensorsDType.F16 or SafeTensorsDType.BF16 => 2,
            SafeTensorsDType.F32 => 4,
            _ => 8,
        }));
    }

    [Test]
    public void DataOfTheTalosModelSavedAsF32IsByteForByteTheSame()
    {
        var original = File.ReadAllBytes(TestPaths.TalosModel);
        var file = SafeTensors.Read(TestPaths.TalosModel);
        var path = Path.Combine(TestPaths.NewTempDir("writer"), "talos.safetensors");
        SafeTensors.Save(file.Weights, path);
        Assert.That(Split(File.ReadAllBytes(path)).Data, Is.EqualTo(Split(original).Data));

        // With its extra metadata kept, the whole file is identical: same header layout and padding.
        SafeTensors.Save(file.Weights, path, SafeTensorsDType.F32, file.ExtraMetadata);
        Assert.That(File.ReadAllBytes(path), Is.EqualTo(original));
    }

    [Test]
    public void Wide2ModelRoundTripsThroughF32()
    {
        var model = SafeTensors.Load(TestPaths.Wide2Model);
        var again = SafeTensors.Parse(SafeTensors.Serialize(model), "wide2");
        Assert.That(again.Config, Is.EqualTo(model.Config));
        foreach (var (name, _, _) in model.Config.TensorShapes())
            Assert.That(again.Tensors[name].Data, Is.EqualTo(model.Tensors[name].Data), name);
        Assert.That(Split(SafeTensors.Serialize(model)).Data, Is.EqualTo(Split(File.ReadAllBytes(TestPaths.Wide2Model)).Data));
    }

    [Test]
    public void HeaderIsAlignedSpacePaddedAndInTensorShapesOrder()
    {
        var bytes = SafeTensors.Serialize(PatternModel(Micro with { Vocab = null }), SafeTensorsDType.BF16);
        var (length, header, _) = Split(bytes);
        Assert.That(length % 8, Is.EqualTo(0));
        var text = Encoding.UTF8.GetString(header);
        var json = text.TrimEnd(' ');
        Assert.That(json, Does.EndWith("}"));
        Assert.That(text.Length - json.Length, Is.LessThan(8));
        Assert.That(json, Does.StartWith("{\"__metadata__\":{\"n_layer\":\"1\",\"n_embd\":\"16\",\"n_head\":\"4\",\"block_size\":\"16\",\"vocab_size\":\"27\",\"bos\":\"26\"},"
            + "\"wte\":{\"dtype\":\"BF16\",\"shape\":[27,16],\"data_offsets\":[0,864]},\"wpe\":{\"dtype\":\"BF16\",\"shape\":[16,16],\"data_offsets\":[864,1376]},"));
        using var doc = JsonDocument.Parse(json);
        var names = doc.RootElement.EnumerateObject().Select(p => p.Name).Skip(1).ToArray();
        Assert.That(names, Is.EqualTo(Micro.TensorShapes().Select(t => t.Name).ToArray()));
    }

    [Test]
    public void HalfPrecisionRoundsOnceToNearestEven()
    {
        // Just above the midpoint between 1 and 1 + ulp: rounding to binary32 first would land on
        // the midpoint and then go down to 1 (double rounding); one correct rounding goes up.
        var aboveMidF16 = 1 + Math.ScaleB(1, -11) + Math.ScaleB(1, -40);
        var aboveMidBf16 = 1 + Math.ScaleB(1, -8) + Math.ScaleB(1, -40);
        Assert.That(SafeTensorsDType.F16.Round(aboveMidF16), Is.EqualTo(1 + Math.ScaleB(1, -10)));
        Assert.That(SafeTensorsDType.BF16.Round(aboveMidBf16), Is.EqualTo(1 + Math.ScaleB(1, -7)));
        // Exact midpoints go to the even neighbour.
        Assert.That(SafeTensorsDType.BF16.Round(1 + Math.ScaleB(1, -8)), Is.EqualTo(1.0));
        Assert.That(SafeTensorsDType.BF16.Round(1 + 3 * Math.ScaleB(1, -8)), Is.EqualTo(1 + Math.ScaleB(1, -6)));
        // F16's largest finite value is 65504; 65520 is the midpoint to the next step and overflows.
        Assert.That(SafeTensorsDType.F16.Round(65519.0), Is.EqualTo(65504.0));
        Assert.That(SafeTensorsDType.F16.Round(-65520.0), Is.EqualTo(double.NegativeInfinity));
        // Subnormals: F16's smallest step is 2^-24; half of it ties to zero (even), a bit more goes up.
        Assert.That(SafeTensorsDType.F16.Round(Math.ScaleB(1, -25)), Is.EqualTo(0.0));
        Assert.That(SafeTensorsDType.F16.Round(Math.ScaleB(1, -25) + Math.ScaleB(1, -40)), Is.EqualTo(Math.ScaleB(1, -24)));

        var bytes = new byte[4];
        SafeTensorsDType.F16.Write(bytes, 0, aboveMidF16);
        SafeTensorsDType.BF16.Write(bytes, 1, aboveMidBf16);
        Assert.That(bytes, Is.EqualTo(new byte[] { 0x01, 0x3C, 0x81, 0x3F }));
    }

    [Test]
    public void AValueBeyondTheDTypeRangeIsRefused()
    {
        var model = PatternModel(Micro);
        model.Wpe[1, 3] = 70000;
        var e = Assert.Throws<HwGenException>(() => SafeTensors.Serialize(model, SafeTensorsDType.F16, where: "out.safetensors"));
        Assert.That(e!.Message, Is.EqualTo("out.safetensors: cannot save tensor 'wpe' as F16: index 19 (row 1, column 3) is 70000, beyond the range of F16; save as F32 or F64."));
    }

    [Test]
    public void ANaNWeightIsRefusedAndTheExistingFileIsUntouched()
    {
        var path = Path.Combine(TestPaths.NewTempDir("writer"), "m.safetensors");
        SafeTensors.Save(PatternModel(Micro), path);
        var before = File.ReadAllBytes(path);

        var model = PatternModel(Micro);
        model.Layers[0].MlpFc2[2, 5] = double.NaN;
        var e = Assert.Throws<HwGenException>(() => SafeTensors.Save(model, path));
        Assert.That(e!.Message, Is.EqualTo($"{path}: cannot save tensor 'layer0.mlp_fc2': index 133 (row 2, column 5) is NaN; weights must be finite."));
        Assert.That(File.ReadAllBytes(path), Is.EqualTo(before));
        Assert.That(Directory.GetFiles(Path.GetDirectoryName(path)!), Is.EqualTo(new[] { path }));
    }

    [Test]
    public void SaveReplacesTheFileAndLeavesNoTemporaryFile()
    {
        var dir = TestPaths.NewTempDir("writer");
        var path = Path.Combine(dir, "m.safetensors");
        File.WriteAllText(path, "old contents");
        SafeTensors.Save(PatternModel(Micro), path, SafeTensorsDType.F64);
        Assert.That(SafeTensors.Read(path).DTypes["wte"], Is.EqualTo(SafeTensorsDType.F64));
        Assert.That(Directory.GetFiles(dir), Is.EqualTo(new[] { path }));
    }

    [Test]
    public void SavingIntoAMissingFolderIsOneClearError()
    {
        var path = Path.Combine(TestPaths.NewTempDir("writer"), "no-such-folder", "m.safetensors");
        var e = Assert.Throws<HwGenException>(() => SafeTensors.Save(PatternModel(Micro), path));
        Assert.That(e!.Message, Does.StartWith($"{path}: cannot write the model file: "));
        Assert.That(File.Exists(path), Is.False);
    }

    [Test]
    public void ExtraMetadataMayNotOverrideTheConfig()
    {
        var e = Assert.Throws<HwGenException>(() => SafeTensors.Serialize(PatternModel(Micro), SafeTensorsDType.F32,
            new Dictionary<string, string> { ["n_embd"] = "32" }, "m.safetensors"));
        Assert.That(e!.Message, Is.EqualTo("m.safetensors: extra metadata 'n_embd' would override the model config; leave the config keys (n_layer, n_embd, n_head, block_size, vocab_size, vocab, bos) out of it."));
    }
}
