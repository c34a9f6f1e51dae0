using System.Buffers.Binary;
using System.Text;
using System.Text.Json.Nodes;
using HwGen.Model;

namespace HwGen.Tests.Model;

/// <summary>
/// Crafts safetensors images in memory for reader tests, independently of the project's writer:
/// a header as a mutable JSON object, and data generated from the header's entries (each value
/// <see cref="ValueAt"/>, a multiple of 1/16 exact in every dtype, unless overridden).
/// </summary>
internal sealed class SafeTensorsImage
{
    private readonly Dictionary<(string, int), double> _overrides = [];

    private SafeTensorsImage(JsonObject header) => Header = header;

    public JsonObject Header { get; }

    public JsonObject Metadata => Header["__metadata__"]!.AsObject();

    public JsonObject Tensor(string name) => Header[name]!.AsObject();

    /// <summary>A valid image of <paramref name="config"/>, every tensor in <paramref name="dtype"/>, packed in TensorShapes order.</summary>
    public static SafeTensorsImage For(ModelConfig config, string dtype = "F32")
    {
        var metadata = new JsonObject
        {
            ["n_layer"] = $"{config.NLayer}",
            ["n_embd"] = $"{config.NEmbd}",
            ["n_head"] = $"{config.NHead}",
            ["block_size"] = $"{config.BlockSize}",
            ["vocab_size"] = $"{config.VocabSize}",
            ["bos"] = $"{config.Bos}",
        };
        if (config.Vocab is not null)
            metadata["vocab"] = config.Vocab;
        var header = new JsonObject { ["__metadata__"] = metadata };
        foreach (var (name, rows, cols) in config.TensorShapes())
            header[name] = new JsonObject { ["dtype"] = dtype, ["shape"] = new JsonArray(rows, cols) };
        return new SafeTensorsImage(header).Packed();
    }

    /// <summary>The value the image holds at a tensor's flat index unless overridden.</summary>
    public static double ValueAt(string tensor, int index) => ((index * 7 + tensor.Length) % 33 - 16) / 16.0;

    /// <summary>Element size of a dtype name, 0 when unknown.</summary>
    public static int Size(string? dtype) => dtype switch { "F16" or "BF16" => 2, "F32" => 4, "F64" => 8, _ => 0 };

    /// <summary>Recomputes every entry's data_offsets, back to back in header order, from its shape and dtype.</summary>
    public SafeTensorsImage Packed()
    {
        long offset = 0;
        foreach (var (name, node) in Header)
        {
            if (name == "__metadata__")
                continue;
            var entry = node!.AsObject();
            var size = entry["shape"]!.AsArray().Aggregate(1L, (a, d) => a * Long(d!)) * Size((string?)entry["dtype"]);
            entry["data_offsets"] = new JsonArray(offset, offset + size);
            offset += size;
        }
        return this;
    }

    /// <summary>Puts <paramref name="value"/> at one flat index of a tensor (e.g. NaN).</summary>
    public SafeTensorsImage With(string tensor, int index, double value)
    {
        _overrides[(tensor, index)] = value;
        return this;
    }

    /// <summary>The header text, compact, padded with spaces to a multiple of 8 bytes.</summary>
    public string HeaderText()
    {
        var text = Header.ToJsonString();
        return text.PadRight((text.Length + 7) / 8 * 8);
    }

    /// <summary>
    /// The file bytes: header length, <paramref name="headerText"/> (default <see cref="HeaderText"/>),
    /// and data up to the largest data_offsets end (each well-formed entry filled with its values).
    /// </summary>
    public byte[] Build(string? headerText = null)
    {
        var header = Encoding.UTF8.GetBytes(headerText ?? HeaderText());
        long dataLength = 0;
        foreach (var (_, node) in Header)
        {
            if (node is JsonObject { } e && e["data_offsets"] is JsonArray { Count: 2 } o && TryLong(o[1], out var end))
                dataLength = Math.Max(dataLength, end);
        }
        var bytes = new byte[8 + header.Length + dataLength];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)header.Length);
        header.CopyTo(bytes, 8);
        var data = bytes.AsSpan(8 + header.Length);
        foreach (var (name, node) in Header)
        {
            if (name == "__metadata__" || node is not JsonObject entry || entry["data_offsets"] is not JsonArray { Count: 2 } offsets)
                continue;
            var dtype = entry["dtype"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string?)entry["dtype"] : null;
            var size = Size(dtype);
            if (size == 0)
                continue;
            if (!TryLong(offsets[0], out var begin) || !TryLong(offsets[1], out var end))
                continue;
            for (var i = 0; begin >= 0 && begin + (i + 1L) * size <= Math.Min(end, data.Length); i++)
            {
                var v = _overrides.TryGetValue((name, i), out var o) ? o : ValueAt(name, i);
                Encode(dtype!, data[(int)(begin + i * size)..], v);
            }
        }
        return bytes;
    }

    /// <summary>A JSON integer node as long, whatever CLR type it was built from.</summary>
    private static long Long(JsonNode node) => long.Parse(node.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);

    private static bool TryLong(JsonNode? node, out long value)
    {
        value = 0;
        return node is not null && long.TryParse(node.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Little-endian encoding of a value exactly representable in the dtype.</summary>
    public static void Encode(string dtype, Span<byte> target, double v)
    {
        switch (dtype)
        {
            case "F16":
                BinaryPrimitives.WriteHalfLittleEndian(target, (Half)v);
                break;
            case "BF16":
                BinaryPrimitives.WriteUInt16LittleEndian(target, (ushort)(BitConverter.SingleToUInt32Bits((float)v) >> 16));
                break;
            case "F32":
                BinaryPrimitives.WriteSingleLittleEndian(target, (float)v);
                break;
            case "F64":
                BinaryPrimitives.WriteDoubleLittleEndian(target, v);
                break;
        }
    }
}
