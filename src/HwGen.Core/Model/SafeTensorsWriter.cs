using System.Buffers.Binary;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace HwGen.Model;

/// <summary>
/// Builds a safetensors image the way the reference implementation lays it out (compact JSON
/// header padded with spaces to a multiple of 8 bytes, data packed in header order) and writes
/// it atomically.
/// </summary>
internal static class SafeTensorsWriter
{
    public static byte[] Serialize(ModelWeights weights, SafeTensorsDType dtype, IReadOnlyDictionary<string, string>? extraMetadata, string where)
    {
        var config = weights.Config;
        var shapes = config.TensorShapes();
        var header = Header(config, shapes, dtype, extraMetadata, where);

        var dataLength = shapes.Sum(t => (long)t.Rows * t.Cols * dtype.Size());
        var bytes = new byte[8 + header.Length + dataLength];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)header.Length);
        header.CopyTo(bytes, 8);

        var offset = 8 + header.Length;
        foreach (var (name, rows, cols) in shapes)
        {
            var values = weights.Tensors[name].Data;
            var span = bytes.AsSpan(offset, values.Length * dtype.Size());
            for (var i = 0; i < values.Length; i++)
            {
                var value = values[i];
                if (!double.IsFinite(value))
                    throw new HwGenException($"{where}: cannot save tensor '{name}': index {i} (row {i / cols}, column {i % cols}) is {(double.IsNaN(value) ? "NaN" : value > 0 ? "+infinity" : "-infinity")}; weights must be finite.");
                if (!double.IsFinite(dtype.Round(value)))
                    throw new HwGenException($"{where}: cannot save tensor '{name}' as {dtype}: index {i} (row {i / cols}, column {i % cols}) is {value.ToString("R", CultureInfo.InvariantCulture)}, beyond the range of {dtype}; save as F32 or F64.");
                dtype.Write(span, i, value);
            }
            offset += span.Length;
        }
        return bytes;
    }

    /// <summary>Writes to a temporary file beside <paramref name="path"/>, then renames it over the target.</summary>
    public static void WriteAtomically(string path, byte[] bytes)
    {
        try
        {
            Rendering.OutputFolder.WriteFile(path, bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HwGenException($"{path}: cannot write the model file: {e.Message}");
        }
    }

    private static byte[] Header(ModelConfig config, IReadOnlyList<(string Name, int Rows, int Cols)> shapes, SafeTensorsDType dtype,
        IReadOnlyDictionary<string, string>? extraMetadata, string where)
    {
        var metadata = new List<KeyValuePair<string, string>>
        {
            new("n_layer", Text(config.NLayer)),
            new("n_embd", Text(config.NEmbd)),
            new("n_head", Text(config.NHead)),
            new("block_size", Text(config.BlockSize)),
            new("vocab_size", Text(config.VocabSize)),
        };
        if (config.Vocab is { } vocab)
            metadata.Add(new("vocab", vocab));
        metadata.Add(new("bos", Text(config.Bos)));
        foreach (var kv in extraMetadata ?? new Dictionary<string, string>())
        {
            if (SafeTensors.ConfigKeys.Contains(kv.Key))
                throw new HwGenException($"{where}: extra metadata '{kv.Key}' would override the model config; leave the config keys ({string.Join(", ", SafeTensors.ConfigKeys)}) out of it.");
            metadata.Add(kv);
        }

        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartObject("__metadata__");
            foreach (var (key, value) in metadata)
                json.WriteString(key, value);
            json.WriteEndObject();
            long offset = 0;
            foreach (var (name, rows, cols) in shapes)
            {
                var size = (long)rows * cols * dtype.Size();
                json.WriteStartObject(name);
                json.WriteString("dtype", dtype.ToString());
                json.WriteStartArray("shape");
                json.WriteNumberValue(rows);
                json.WriteNumberValue(cols);
                json.WriteEndArray();
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(offset);
                json.WriteNumberValue(offset + size);
                json.WriteEndArray();
                json.WriteEndObject();
                offset += size;
            }
            json.WriteEndObject();
        }
        // Pad with spaces so that the data starts 8-byte aligned, as the reference writer does.
        var padding = (int)((8 - stream.Length % 8) % 8);
        for (var i = 0; i < padding; i++)
            stream.WriteByte((byte)' ');
        return stream.ToArray();
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
