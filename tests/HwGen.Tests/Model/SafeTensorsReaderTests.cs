using System.Buffers.Binary;
using System.Text.Json.Nodes;
using HwGen.Model;

namespace HwGen.Tests.Model;

/// <summary>Reading safetensors: every dtype, and one pinned message per kind of bad file.</summary>
public class SafeTensorsReaderTests
{
    private const string M = "m.safetensors";

    private static readonly ModelConfig Micro = ModelConfig.MicroGpt;

    private static string Error(byte[] bytes) => Assert.Throws<HwGenException>(() => SafeTensors.Parse(bytes, M))!.Message;

    private static string Error(SafeTensorsImage image) => Error(image.Build());

    [TestCase("F16")]
    [TestCase("BF16")]
    [TestCase("F32")]
    [TestCase("F64")]
    public void EveryDTypeReadsTheExactValues(string dtype)
    {
        var file = SafeTensors.ParseFile(SafeTensorsImage.For(Micro, dtype).Build(), M);
        Assert.That(file.Weights.Config, Is.EqualTo(Micro));
        foreach (var (name, rows, cols) in Micro.TensorShapes())
        {
            var expected = Enumerable.Range(0, rows * cols).Select(i => SafeTensorsImage.ValueAt(name, i)).ToArray();
            Assert.That(file.Weights.Tensors[name].Data, Is.EqualTo(expected), name);
            Assert.That(file.DTypes[name].ToString(), Is.EqualTo(dtype));
        }
    }

    [Test]
    public void HalfAndBFloat16WidenExactly()
    {
        // 0x3C01: 1 + 2^-10; 0x0001: the smallest F16 subnormal 2^-24; 0xFBFF: -65504.
        Assert.That(SafeTensorsDType.F16.Read([0x01, 0x3C], 0), Is.EqualTo(1 + Math.ScaleB(1, -10)));
        Assert.That(SafeTensorsDType.F16.Read([0x01, 0x00], 0), Is.EqualTo(Math.ScaleB(1, -24)));
        Assert.That(SafeTensorsDType.F16.Read([0xFF, 0xFB], 0), Is.EqualTo(-65504.0));
        // 0x3F81: 1 + 2^-7; 0x0001: the smallest BF16 subnormal 2^-133.
        Assert.That(SafeTensorsDType.BF16.Read([0x81, 0x3F], 0), Is.EqualTo(1 + Math.ScaleB(1, -7)));
        Assert.That(SafeTensorsDType.BF16.Read([0x01, 0x00], 0), Is.EqualTo(Math.ScaleB(1, -133)));
    }

    [Test]
    public void MixedDTypesInOneFileAreRead()
    {
        var image = SafeTensorsImage.For(Micro);
        image.Tensor("wpe")["dtype"] = "BF16";
        image.Tensor("layer0.mlp_fc2")["dtype"] = "F64";
        var file = SafeTensors.ParseFile(image.Packed().Build(), M);
        Assert.That(file.DTypes["wpe"], Is.EqualTo(SafeTensorsDType.BF16));
        Assert.That(file.DTypes["layer0.mlp_fc2"], Is.EqualTo(SafeTensorsDType.F64));
        Assert.That(file.Weights.Wpe[1, 2], Is.EqualTo(SafeTensorsImage.ValueAt("wpe", 18)));
    }

    [Test]
    public void ExtraMetadataIsKeptAndConfigKeysAreNot()
    {
        var image = SafeTensorsImage.For(Micro);
        image.Metadata["source"] = "test";
        var file = SafeTensors.ParseFile(image.Build(), M);
        Assert.That(file.ExtraMetadata, Is.EqualTo(new Dictionary<string, string> { ["source"] = "test" }));
    }

    // --- structure ---

    [Test]
    public void TruncatedFile() =>
        Assert.That(Error(new byte[5]), Is.EqualTo("m.safetensors: truncated file (5 bytes); a safetensors file starts with an 8-byte header length."));

    [Test]
    public void HeaderLengthPastTheEnd()
    {
        var bytes = new byte[20];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, 13);
        Assert.That(Error(bytes), Is.EqualTo("m.safetensors: header length 13 runs past the end of the file (20 bytes); the file is truncated."));
    }

    [Test]
    public void HeaderLengthOver100MB()
    {
        var bytes = new byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, 100_000_001);
        Assert.That(Error(bytes), Is.EqualTo("m.safetensors: header length 100000001 is over the 100 MB limit; this is not a safetensors file or it is corrupt."));
    }

    [Test]
    public void HeaderNotJson()
    {
        var image = SafeTensorsImage.For(Micro);
        Assert.That(Error(image.Build("{\"wte\": ")), Does.StartWith("m.safetensors: the header is not valid JSON ("));
        Assert.That(Error(image.Build("\xff\xfe garbage")), Does.StartWith("m.safetensors: the header is not valid JSON ("));
    }

    [Test]
    public void HeaderNotAnObject() =>
        Assert.That(Error(SafeTensorsImage.For(Micro).Build("[1, 2]  ")), Is.EqualTo("m.safetensors: the header is a JSON array, not an object of tensors."));

    [Test]
    public void DuplicateTensorInTheHeader()
    {
        var image = SafeTensorsImage.For(Micro);
        var text = image.HeaderText().TrimEnd();
        var duplicated = text[..^1] + ",\"wte\":" + image.Tensor("wte").ToJsonString() + "}";
        Assert.That(Error(image.Build(duplicated)), Is.EqualTo("m.safetensors: the header has 'wte' twice."));
    }

    // --- tensor entries ---

    [Test]
    public void EntryNotAnObject()
    {
        var image = SafeTensorsImage.For(Micro);
        image.Header["wpe"] = 3;
        Assert.That(Error(image), Is.EqualTo("m.safetensors: tensor 'wpe' is a JSON number; it must be an object with dtype, shape and data_offsets."));
    }

    [TestCase("dtype", "m.safetensors: tensor 'wpe' has no dtype.")]
    [TestCase("shape", "m.safetensors: tensor 'wpe' has no shape.")]
    [TestCase("data_offsets", "m.safetensors: tensor 'wpe' has no data_offsets.")]
    public void EntryMissingAField(string field, string expected)
    {
        var image = SafeTensorsImage.For(Micro);
        image.Tensor("wpe").Remove(field);
        Assert.That(Error(image), Is.EqualTo(expected));
    }

    [Test]
    public void UnknownDType()
    {
        var image = SafeTensorsImage.For(Micro);
        image.Tensor("wpe")["dtype"] = "I8";
        Assert.That(Error(image), Is.EqualTo("m.safetensors: tensor 'wpe' has dtype \"I8\"; HwGen reads F16, BF16, F32, F64."));
        image.Tensor("wpe")["dtype"] = "f32";
        Assert.That(Error(image), Is.EqualTo("m.safetensors: tensor 'wpe' has dtype \"f32\"; HwGen reads F16, BF16, F32, F64."));
    }

    [Test]
    public void MalformedShape()
    {
        var image = SafeTensorsImage.For(Micro);
        image.Tensor("wpe")["shape"] = new JsonArray(16, -1);
        Assert.That(Error(image), Is.EqualTo("m.safetensors: tensor 'wpe' has shape [16,-1]; a shape is an array of non-negative integers."));
        image.Tensor("wpe")["shape"] = "16x16";
        Assert.That(Error(image), Is.EqualTo("m.safetensors: tensor 'wpe' has shape \"16x16\"; a shape is an array of non-negative integers."));
    }

    [Test]
    public void MalformedDataOffsets()
    {
        var image = SafeTensorsImage.For(Micro);
        image.Tensor("wpe")["data_offsets"] = new JsonArray(1728, 2752, 3000);
        Assert.That(Error(image), Is.EqualTo("m.safetensors: tensor 'wpe' has data_offsets [1728,2752,3000]; they must be two non-negative integers [begin, end]."));
        image.Tensor("wpe")["data_offsets"] = new JsonArray(1728.5, 2752);
        Assert.That(Error(image), Is.EqualTo("m.safetensors: tensor 'wpe' has data_offsets [1728.5,2752]; they must be two non-negative integers [begin, end]."));
    }

    // --- data offsets ---

    [Test]
    public void ReversedDataOffsets()
    {
        var image = SafeTensorsImage.For(Micro);
        image.Tensor("wpe")["data_offsets"] = new JsonArray(2752, 1728);
        Assert.That(Error(image), Is.EqualTo("m.safetensors: tensor 'wpe' data_offsets [2752, 1728] are reversed (end before begin)."));
    }

    [Test]
    public void DataOffsetsPastTheEnd()
    {
        var bytes = SafeTensorsImage.For(Micro).Build();
        Assert.That(Error(bytes[..^4]), Is.EqualTo("m.safetensors: tensor 'layer0.mlp_fc2' data_offsets [12672, 16768] run past the end of the data section (16764 bytes)."));
    }

    [Test]
    public void SizeNotMatchingShapeAndDType()
    {
        var image = SafeTensorsImage.For(Micro);
        image.Tensor("wpe")["dtype"] = "F16";
        Assert.That(Error(image), Is.EqualTo("m.safetensors: tensor 'wpe' data_offsets [1728, 2752] hold 1024 bytes but shape [16, 16] of F16 needs 512."));
    }

    [Test]
    public void OverlappingTensors()
    {
        var image = SafeTensorsImage.For(Micro);
        image.Tensor("wpe")["data_offsets"] = new JsonArray(1600, 2624);
        Assert.That(Error(image), Is.EqualTo("m.safetensors: tensor 'wpe' data_offsets [1600, 2624] overlap tensor 'wte' [0, 1728]."));
    }

    [Test]
    public void BytesBelongingToNoTensor()
    {
        var image = SafeTensorsImage.For(Micro);
        image.Tensor("wte")["data_offsets"] = new JsonArray(0, 1728);
        image.Tensor("wpe")["data_offsets"] = new JsonArray(1736, 2760);
        Assert.That(Error(image), Is.EqualTo("m.safetensors: data bytes [1728, 1736) belong to no tensor; the file is corrupt."));
        var trailing = SafeTensorsImage.For(Micro).Build().Concat(new byte[4]).ToArray();
        Assert.That(Error(trailing), Is.EqualTo("m.safetensors: data bytes [16768, 16772) belong to no tensor; the file is corrupt."));
    }

    // --- tensors against the config ---

    [Test]
    public void MissingTensor()
    {
        var image = SafeTensorsImage.For(Micro);
        image.Header.Remove("lm_head");
        Assert.That(Error(image.Packed()), Is.EqualTo("m.safetensors: tensor 'lm_head' is missing; a model with n_embd 16, n_head 4, n_layer 1, block 16, vocab 27, bos 26 needs it."));
    }

    [Test]
    public void UnexpectedTensor()
    {
        var image = SafeTensorsImage.For(Micro);
        image.Header["bias"] = new JsonObject { ["dtype"] = "F32", ["shape"] = new JsonArray(16) };
        Assert.That(Error(image.Packed()), Is.EqualTo("m.safetensors: unexpected tensor 'bias'; a microGPT model has only wte, wpe, lm_head and layer{i}.attn_wq/attn_wk/attn_wv/attn_wo/mlp_fc1/mlp_fc2 for i below n_layer 1."));
    }

    [Test]
    public void WrongShapeGivesExpectedAndActual()
    {
        var image = SafeTensorsImage.For(Micro);
        image.Tensor("layer0.mlp_fc1")["shape"] = new JsonArray(64, 15);
        Assert.That(Error(image.Packed()), Is.EqualTo("m.safetensors: tensor 'layer0.mlp_fc1' has shape [64, 15]; the config (n_embd 16) needs [64, 16]."));
        image.Tensor("layer0.mlp_fc1")["shape"] = new JsonArray(64, 16, 1);
        Assert.That(Error(image.Packed()), Is.EqualTo("m.safetensors: tensor 'layer0.mlp_fc1' has shape [64, 16, 1]; the config (n_embd 16) needs [64, 16]."));
    }

    [Test]
    public void NEmbdContradictingTheShapes()
    {
        var image = SafeTensorsImage.For(Micro);
        image.Metadata["n_embd"] = "32";
        Assert.That(Error(image), Is.EqualTo("m.safetensors: tensor 'wte' has shape [27, 16]; the config (vocab_size 27, n_embd 32) needs [27, 32]."));
    }

    [Test]
    public void VocabSizeContradictingWteRows()
    {
        var image = SafeTensorsImage.For(Micro with { Vocab = null });
        image.Metadata["vocab_size"] = "28";
        Assert.That(Error(image), Is.EqualTo("m.safetensors: tensor 'wte' has shape [27, 16]; the config (vocab_size 28, n_embd 16) needs [28, 16]."));
    }

    [Test]
    public void BlockSizeContradictingWpeRows()
    {
        var image = SafeTensorsImage.For(Micro);
        image.Metadata["block_size"] = "32";
        Assert.That(Error(image), Is.EqualTo("m.safetensors: tensor 'wpe' has shape [16, 16]; the config (block_size 32, n_embd 16) needs [32, 16]."));
    }

    [Test]
    public void NLayerContradictingTheLayersPresent()
    {
        var image = SafeTensorsImage.For(Micro);
        image.Metadata["n_layer"] = "2";
        Assert.That(Error(image), Is.EqualTo("m.safetensors: __metadata__ says n_layer 2 but the file has tensors for 1 layer (layer0); make n_layer match the layers present."));
        var two = SafeTensorsImage.For(Micro with { NLayer = 2 });
        two.Metadata["n_layer"] = "1";
        Assert.That(Error(two), Is.EqualTo("m.safetensors: __metadata__ says n_layer 1 but the file has tensors for 2 layers (layer0, layer1); make n_layer match the layers present."));
    }

    // --- values ---

    [Test]
    public void NaNInAWeightNamesTensorAndIndex() =>
        Assert.That(Error(SafeTensorsImage.For(Micro).With("wpe", 37, double.NaN)),
            Is.EqualTo("m.safetensors: tensor 'wpe' has NaN at index 37 (row 2, column 5); weights must be finite."));

    [TestCase("F32")]
    [TestCase("F16")]
    [TestCase("BF16")]
    [TestCase("F64")]
    public void InfinityInAWeightNamesTensorAndIndex(string dtype) =>
        Assert.That(Error(SafeTensorsImage.For(Micro, dtype).With("layer0.attn_wo", 255, double.NegativeInfinity)),
            Is.EqualTo("m.safetensors: tensor 'layer0.attn_wo' has -infinity at index 255 (row 15, column 15); weights must be finite."));

    // --- metadata ---

    [Test]
    public void NoMetadata()
    {
        var image = SafeTensorsImage.For(Micro);
        image.Header.Remove("__metadata__");
        Assert.That(Error(image), Is.EqualTo("m.safetensors: the header has no __metadata__ with the model config (n_layer, n_embd, n_head, block_size, vocab_size, bos)."));
    }

    [Test]
    public void MetadataNotAnObject()
    {
        var image = SafeTensorsImage.For(Micro);
        image.Header["__metadata__"] = "n_embd=16";
        Assert.That(Error(image), Is.EqualTo("m.safetensors: __metadata__ is a JSON string; it must be an object of strings."));
    }

    [Test]
    public void MissingMetadataKey()
    {
        var image = SafeTensorsImage.For(Micro);
        image.Metadata.Remove("n_head");
        Assert.That(Error(image), Is.EqualTo("m.safetensors: __metadata__ has no 'n_head'; it needs n_layer, n_embd, n_head, block_size, vocab_size and bos as integer strings."));
    }

    [TestCase("16.0")]
    [TestCase(" 16")]
    [TestCase("sixteen")]
    [TestCase("99999999999")]
    public void NonIntegerMetadata(string value)
    {
        var image = SafeTensorsImage.For(Micro);
        image.Metadata["n_embd"] = value;
        Assert.That(Error(image), Is.EqualTo($"m.safetensors: __metadata__ 'n_embd' is \"{value}\"; it must be an integer string such as \"16\"."));
    }

    [Test]
    public void MetadataValueNotAString()
    {
        var image = SafeTensorsImage.For(Micro);
        image.Metadata["n_embd"] = 16;
        Assert.That(Error(image), Is.EqualTo("m.safetensors: __metadata__ 'n_embd' is a JSON number; safetensors metadata values are strings (write \"16\")."));
    }

    [Test]
    public void InvalidConfigIsRejectedByModelConfig()
    {
        var image = SafeTensorsImage.For(Micro);
        image.Metadata["n_head"] = "3";
        Assert.That(Error(image), Is.EqualTo("m.safetensors: n_embd 16 is not divisible by n_head 3; choose n_head among the divisors of n_embd."));
    }

    [Test]
    public void LoadNamesAMissingFile()
    {
        var path = Path.Combine(TestPaths.NewTempDir("reader"), "absent.safetensors");
        var e = Assert.Throws<HwGenException>(() => SafeTensors.Load(path));
        Assert.That(e!.Message, Does.StartWith($"{path}: cannot read the model file: "));
    }

    [Test]
    public void SharedModelsHashAsPublished()
    {
        // sha256sum of the shared files.
        Assert.That(SafeTensors.Read(TestPaths.TalosModel).Sha256, Is.EqualTo("ede37dfcc3e57c9f379791a5a51b165ae124b63089e9c31925c2b50107f59141"));
        Assert.That(SafeTensors.Read(TestPaths.Wide2Model).Sha256, Is.EqualTo("bcbe56c32947d66a7800579eab77d57eda61a5981018f0f36b86bfa391a39b53"));
    }

    [Test]
    public void TalosWeightsMatchAnIndependentReading()
    {
        // Values read from the file with Python's struct module.
        var m = SafeTensors.Load(TestPaths.TalosModel);
        Assert.That(m.Wte.Data.Take(3), Is.EqualTo(new[] { 0.13046401739120483, 0.053538426756858826, 0.2420438975095749 }));
        Assert.That(m.LmHead.Data.Max(), Is.EqualTo(1.3327010869979858));
        Assert.That(m.Layers[0].MlpFc1.Data.Min(), Is.EqualTo(-0.6416081786155701));
    }
}
