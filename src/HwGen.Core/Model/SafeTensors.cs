namespace HwGen.Model;

/// <summary>
/// Reads and writes microGPT models as safetensors: an 8-byte little-endian header length, a JSON
/// header (tensor dtype, shape, data_offsets; <c>__metadata__</c> with the config as strings), then
/// raw little-endian tensor data. Reads F16, BF16, F32 and F64; every bad file is one
/// <see cref="HwGenException"/> naming the file and the problem.
/// </summary>
public static class SafeTensors
{
    /// <summary>The largest JSON header read, as in the reference implementation: 100 MB.</summary>
    public const long MaxHeaderBytes = 100_000_000;

    /// <summary>The <c>__metadata__</c> keys that hold the model config, in the order they are written.</summary>
    public static IReadOnlyList<string> ConfigKeys { get; } = ["n_layer", "n_embd", "n_head", "block_size", "vocab_size", "vocab", "bos"];

    /// <summary>Loads a model; throws <see cref="HwGenException"/> naming the file and the problem.</summary>
    public static ModelWeights Load(string path) => Read(path).Weights;

    /// <summary>Loads a model with its dtypes, extra metadata and file hash.</summary>
    public static SafeTensorsFile Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HwGenException($"{path}: cannot read the model file: {e.Message}");
        }
        return SafeTensorsReader.Read(bytes, path);
    }

    /// <summary>Parses a safetensors image; <paramref name="where"/> names it in messages.</summary>
    public static ModelWeights Parse(ReadOnlySpan<byte> bytes, string where) => SafeTensorsReader.Read(bytes, where).Weights;

    /// <summary>Parses a safetensors image with its dtypes, extra metadata and hash.</summary>
    public static SafeTensorsFile ParseFile(ReadOnlySpan<byte> bytes, string where) => SafeTensorsReader.Read(bytes, where);

    /// <summary>
    /// Writes <paramref name="weights"/> to <paramref name="path"/> atomically (a temporary file in
    /// the same folder, then a rename): tensors in <see cref="ModelConfig.TensorShapes"/> order, all
    /// in <paramref name="dtype"/> (rounded to nearest, ties to even), the config and
    /// <paramref name="extraMetadata"/> as <c>__metadata__</c> strings.
    /// </summary>
    public static void Save(ModelWeights weights, string path, SafeTensorsDType dtype = SafeTensorsDType.F32,
        IReadOnlyDictionary<string, string>? extraMetadata = null)
    {
        var bytes = Serialize(weights, dtype, extraMetadata, path);
        SafeTensorsWriter.WriteAtomically(path, bytes);
    }

    /// <summary>The bytes <see cref="Save"/> writes; <paramref name="where"/> names the target in messages.</summary>
    public static byte[] Serialize(ModelWeights weights, SafeTensorsDType dtype = SafeTensorsDType.F32,
        IReadOnlyDictionary<string, string>? extraMetadata = null, string where = "model") =>
        SafeTensorsWriter.Serialize(weights, dtype, extraMetadata, where);
}
