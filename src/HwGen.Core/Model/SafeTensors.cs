using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json;

namespace HwGen.Model;

/// <summary>
/// Reads and writes microGPT models as safetensors: an 8-byte little-endian header length, a JSON
/// header (tensor dtype, shape, data_offsets; <c>__metadata__</c> with the config as strings), then
/// raw little-endian tensor data.
/// </summary>
public static class SafeTensors
{
    /// <summary>Loads a model; throws <see cref="HwGenException"/> naming the file and the problem.</summary>
    public static ModelWeights Load(string path)
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
        return Parse(bytes, path);
    }

    /// <summary>Parses a safetensors image; <paramref name="where"/> names it in messages.</summary>
    public static ModelWeights Parse(ReadOnlySpan<byte> bytes, string where)
    {
        if (bytes.Length < 8)
            throw new HwGenException($"{where}: truncated file ({bytes.Length} bytes); a safetensors file starts with an 8-byte header length.");
        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        if (headerLength > (ulong)(bytes.Length - 8))
            throw new HwGenException($"{where}: header length {headerLength} runs past the end of the file ({bytes.Length} bytes).");
        var data = bytes[(8 + (int)headerLength)..];
        JsonElement header;
        try
        {
            header = JsonDocument.Parse(bytes.Slice(8, (int)headerLength).ToArray()).RootElement;
        }
        catch (JsonException e)
        {
            throw new HwGenException($"{where}: the header is not valid JSON ({e.Message}).");
        }

        var config = ReadConfig(header, where);
        var tensors = new Dictionary<string, Matrix>();
        foreach (var (name, rows, cols) in config.TensorShapes())
        {
            if (!header.TryGetProperty(name, out var t))
                throw new HwGenException($"{where}: tensor '{name}' is missing.");
            var dtype = t.GetProperty("dtype").GetString();
            if (dtype != "F32")
                throw new HwGenException($"{where}: tensor '{name}' has dtype {dtype}; only F32 is read.");
            var offsets = t.GetProperty("data_offsets");
            var begin = offsets[0].GetInt64();
            var end = offsets[1].GetInt64();
            var values = new double[rows * cols];
            if (end - begin != values.Length * 4L || end > data.Length)
                throw new HwGenException($"{where}: tensor '{name}' data_offsets [{begin}, {end}] do not fit its shape [{rows}, {cols}] or the file.");
            for (var i = 0; i < values.Length; i++)
                values[i] = BinaryPrimitives.ReadSingleLittleEndian(data[(int)(begin + 4 * i)..]);
            tensors[name] = new Matrix(rows, cols, values);
        }
        return new ModelWeights(config, tensors);
    }

    private static ModelConfig ReadConfig(JsonElement header, string where)
    {
        if (!header.TryGetProperty("__metadata__", out var meta))
            throw new HwGenException($"{where}: the header has no __metadata__ with the model config (n_layer, n_embd, n_head, block_size, vocab_size, bos).");

        int Int(string key)
        {
            if (!meta.TryGetProperty(key, out var v) || v.ValueKind != JsonValueKind.String
                || !int.TryParse(v.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
                throw new HwGenException($"{where}: __metadata__ needs '{key}' as an integer string.");
            return n;
        }

        string? vocab = meta.TryGetProperty("vocab", out var vv) ? vv.GetString() : null;
        return new ModelConfig(Int("n_layer"), Int("n_embd"), Int("n_head"), Int("block_size"), Int("vocab_size"), Int("bos"), vocab)
            .Validated(where);
    }
}
