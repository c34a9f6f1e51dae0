using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Json;
using HwGen.Model;

namespace HwGen.Training;

/// <summary>
/// Writes a trained model as an F32 safetensors file, atomically (a temp file beside the target,
/// then a rename). Header: <c>__metadata__</c> (n_layer, n_embd, n_head, block_size, vocab_size,
/// bos and, when known, vocab, all as strings), then the tensors in file order, padded with spaces
/// to a multiple of 8 bytes. The bytes depend only on the weights and the config.
/// </summary>
public static class TrainedModelWriter
{
    public static byte[] Serialize(ModelWeights model)
    {
        var config = model.Config;
        var shapes = config.TensorShapes();
        using var json = new MemoryStream();
        using (var w = new Utf8JsonWriter(json))
        {
            w.WriteStartObject();
            w.WriteStartObject("__metadata__");
            string S(int v) => v.ToString(CultureInfo.InvariantCulture);
            w.WriteString("n_layer", S(config.NLayer));
            w.WriteString("n_embd", S(config.NEmbd));
            w.WriteString("n_head", S(config.NHead));
            w.WriteString("block_size", S(config.BlockSize));
            w.WriteString("vocab_size", S(config.VocabSize));
            w.WriteString("bos", S(config.Bos));
            if (config.Vocab is { } vocab)
                w.WriteString("vocab", vocab);
            w.WriteEndObject();
            long offset = 0;
            foreach (var (name, rows, cols) in shapes)
            {
                w.WriteStartObject(name);
                w.WriteString("dtype", "F32");
                w.WriteStartArray("shape");
                w.WriteNumberValue(rows);
                w.WriteNumberValue(cols);
                w.WriteEndArray();
                w.WriteStartArray("data_offsets");
                w.WriteNumberValue(offset);
                offset += 4L * rows * cols;
                w.WriteNumberValue(offset);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        var header = json.ToArray();
        var padded = (header.Length + 7) / 8 * 8;
        var dataLength = shapes.Sum(s => 4 * s.Rows * s.Cols);
        var bytes = new byte[8 + padded + dataLength];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)padded);
        header.CopyTo(bytes, 8);
        bytes.AsSpan(8 + header.Length, padded - header.Length).Fill((byte)' ');
        var at = 8 + padded;
        foreach (var (name, _, _) in shapes)
        {
            foreach (var value in model.Tensors[name].Data)
            {
                BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(at), (float)value);
                at += 4;
            }
        }
        return bytes;
    }

    /// <summary>Writes <paramref name="model"/> to <paramref name="path"/> through a temp file and a rename.</summary>
    public static void Save(ModelWeights model, string path)
    {
        var bytes = Serialize(model);
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(dir);
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new HwGenException($"{path}: cannot write the model file: {e.Message}");
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the temp file never replaced the target, so nothing half-written is visible.
        }
    }
}
