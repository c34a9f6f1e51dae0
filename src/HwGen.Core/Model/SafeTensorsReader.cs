using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace HwGen.Model;

/// <summary>
/// Parses and checks a safetensors image: structure first (header, entries, data offsets), then
/// the config from <c>__metadata__</c>, then the tensors against the config, then the values.
/// The first problem found is thrown as one <see cref="HwGenException"/> line.
/// </summary>
internal static class SafeTensorsReader
{
    private const string MetadataKey = "__metadata__";

    /// <summary>One tensor's header entry, checked for form but not yet against the config.</summary>
    private sealed record Entry(string Name, SafeTensorsDType DType, long[] Shape, long Begin, long End)
    {
        public string ShapeText => $"[{string.Join(", ", Shape)}]";
    }

    public static SafeTensorsFile Read(ReadOnlySpan<byte> bytes, string where)
    {
        if (bytes.Length < 8)
            throw new HwGenException($"{where}: truncated file ({bytes.Length} bytes); a safetensors file starts with an 8-byte header length.");
        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        if (headerLength > SafeTensors.MaxHeaderBytes)
            throw new HwGenException($"{where}: header length {headerLength} is over the {SafeTensors.MaxHeaderBytes / 1_000_000} MB limit; this is not a safetensors file or it is corrupt.");
        if (headerLength > (ulong)(bytes.Length - 8))
            throw new HwGenException($"{where}: header length {headerLength} runs past the end of the file ({bytes.Length} bytes); the file is truncated.");
        var data = bytes[(8 + (int)headerLength)..];

        JsonElement header;
        try
        {
            using var document = JsonDocument.Parse(bytes.Slice(8, (int)headerLength).ToArray());
            header = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new HwGenException($"{where}: the header is not valid JSON ({e.Message}).");
        }
        if (header.ValueKind != JsonValueKind.Object)
            throw new HwGenException($"{where}: the header is a JSON {Kind(header)}, not an object of tensors.");

        JsonElement? metadata = null;
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var property in header.EnumerateObject())
        {
            if (property.Name == MetadataKey ? metadata is not null : entries.ContainsKey(property.Name))
                throw new HwGenException($"{where}: the header has '{property.Name}' twice.");
            if (property.Name == MetadataKey)
                metadata = property.Value;
            else
                entries.Add(property.Name, ReadEntry(property.Name, property.Value, where));
        }
        CheckOffsets(entries.Values, data.Length, where);

        var (config, extra) = ReadMetadata(metadata, where);
        CheckTensorsMatch(config, entries, where);

        var tensors = new Dictionary<string, Matrix>(StringComparer.Ordinal);
        foreach (var (name, rows, cols) in config.TensorShapes())
        {
            var entry = entries[name];
            var raw = data[(int)entry.Begin..(int)entry.End];
            var values = new double[rows * cols];
            for (var i = 0; i < values.Length; i++)
            {
                var v = entry.DType.Read(raw, i);
                if (!double.IsFinite(v))
                {
                    var what = double.IsNaN(v) ? "NaN" : v > 0 ? "+infinity" : "-infinity";
                    throw new HwGenException($"{where}: tensor '{name}' has {what} at index {i} (row {i / cols}, column {i % cols}); weights must be finite.");
                }
                values[i] = v;
            }
            tensors.Add(name, new Matrix(rows, cols, values));
        }

        return new SafeTensorsFile(
            new ModelWeights(config, tensors),
            entries.Values.ToDictionary(e => e.Name, e => e.DType, StringComparer.Ordinal),
            extra,
            Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    private static Entry ReadEntry(string name, JsonElement element, string where)
    {
        var prefix = $"{where}: tensor '{name}'";
        if (element.ValueKind != JsonValueKind.Object)
            throw new HwGenException($"{prefix} is a JSON {Kind(element)}; it must be an object with dtype, shape and data_offsets.");

        if (!element.TryGetProperty("dtype", out var dtypeElement))
            throw new HwGenException($"{prefix} has no dtype.");
        if (dtypeElement.ValueKind != JsonValueKind.String || !SafeTensorsDTypeCodec.TryParse(dtypeElement.GetString(), out var dtype))
            throw new HwGenException($"{prefix} has dtype {Shorten(dtypeElement.GetRawText())}; HwGen reads {string.Join(", ", SafeTensorsDTypeCodec.Names)}.");

        if (!element.TryGetProperty("shape", out var shapeElement))
            throw new HwGenException($"{prefix} has no shape.");
        var shape = Integers(shapeElement)
            ?? throw new HwGenException($"{prefix} has shape {Shorten(shapeElement.GetRawText())}; a shape is an array of non-negative integers.");

        if (!element.TryGetProperty("data_offsets", out var offsetsElement))
            throw new HwGenException($"{prefix} has no data_offsets.");
        var offsets = Integers(offsetsElement);
        if (offsets is not { Length: 2 })
            throw new HwGenException($"{prefix} has data_offsets {Shorten(offsetsElement.GetRawText())}; they must be two non-negative integers [begin, end].");

        return new Entry(name, dtype, shape, offsets[0], offsets[1]);
    }

    private static void CheckOffsets(IEnumerable<Entry> entries, int dataLength, string where)
    {
        foreach (var e in entries)
        {
            var prefix = $"{where}: tensor '{e.Name}' data_offsets [{e.Begin}, {e.End}]";
            if (e.End < e.Begin)
                throw new HwGenException($"{prefix} are reversed (end before begin).");
            if (e.End > dataLength)
                throw new HwGenException($"{prefix} run past the end of the data section ({dataLength} bytes).");
            long? needed = null;
            try
            {
                needed = checked(e.Shape.Aggregate(1L, (a, b) => a * b) * e.DType.Size());
            }
            catch (OverflowException)
            {
            }
            if (needed != e.End - e.Begin)
                throw new HwGenException($"{prefix} hold {e.End - e.Begin} bytes but shape {e.ShapeText} of {e.DType} needs {(needed is { } n ? n.ToString(CultureInfo.InvariantCulture) : "more than 2^63")}.");
        }

        // Sorted by position, the tensors must tile the data section: no overlap, no gap.
        long covered = 0;
        Entry? previous = null;
        foreach (var e in entries.OrderBy(e => e.Begin).ThenBy(e => e.End))
        {
            if (e.Begin < covered && previous is not null)
                throw new HwGenException($"{where}: tensor '{e.Name}' data_offsets [{e.Begin}, {e.End}] overlap tensor '{previous.Name}' [{previous.Begin}, {previous.End}].");
            if (e.Begin > covered)
                throw new HwGenException($"{where}: data bytes [{covered}, {e.Begin}) belong to no tensor; the file is corrupt.");
            covered = e.End;
            previous = e;
        }
        if (covered != dataLength)
            throw new HwGenException($"{where}: data bytes [{covered}, {dataLength}) belong to no tensor; the file is corrupt.");
    }

    private static (ModelConfig Config, IReadOnlyDictionary<string, string> Extra) ReadMetadata(JsonElement? metadata, string where)
    {
        if (metadata is not { } meta)
            throw new HwGenException($"{where}: the header has no __metadata__ with the model config (n_layer, n_embd, n_head, block_size, vocab_size, bos).");
        if (meta.ValueKind != JsonValueKind.Object)
            throw new HwGenException($"{where}: __metadata__ is a JSON {Kind(meta)}; it must be an object of strings.");

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in meta.EnumerateObject())
        {
            if (p.Value.ValueKind != JsonValueKind.String)
                throw new HwGenException($"{where}: __metadata__ '{p.Name}' is a JSON {Kind(p.Value)}; safetensors metadata values are strings (write \"{Shorten(p.Value.GetRawText())}\").");
            if (!values.TryAdd(p.Name, p.Value.GetString()!))
                throw new HwGenException($"{where}: __metadata__ has '{p.Name}' twice.");
        }

        int Int(string key)
        {
            if (!values.TryGetValue(key, out var text))
                throw new HwGenException($"{where}: __metadata__ has no '{key}'; it needs n_layer, n_embd, n_head, block_size, vocab_size and bos as integer strings.");
            if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
                throw new HwGenException($"{where}: __metadata__ '{key}' is \"{Shorten(text)}\"; it must be an integer string such as \"16\".");
            return n;
        }

        var config = new ModelConfig(Int("n_layer"), Int("n_embd"), Int("n_head"), Int("block_size"), Int("vocab_size"), Int("bos"),
            values.GetValueOrDefault("vocab")).Validated(where);
        var extra = values.Where(kv => !SafeTensors.ConfigKeys.Contains(kv.Key))
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        return (config, extra);
    }

    private static void CheckTensorsMatch(ModelConfig config, Dictionary<string, Entry> entries, string where)
    {
        var layersPresent = entries.Keys.Select(LayerIndex).OfType<int>().Distinct().Order().ToList();
        if (layersPresent.Count != config.NLayer)
        {
            var list = layersPresent.Count == 0 ? "none" : string.Join(", ", layersPresent.Select(i => $"layer{i}"));
            throw new HwGenException($"{where}: __metadata__ says n_layer {config.NLayer} but the file has tensors for {layersPresent.Count} layer{(layersPresent.Count == 1 ? "" : "s")} ({list}); make n_layer match the layers present.");
        }

        var expected = config.TensorShapes();
        foreach (var (name, rows, cols) in expected)
        {
            if (!entries.TryGetValue(name, out var entry))
                throw new HwGenException($"{where}: tensor '{name}' is missing; a model with {config} needs it.");
            if (entry.Shape.Length != 2 || entry.Shape[0] != rows || entry.Shape[1] != cols)
                throw new HwGenException($"{where}: tensor '{name}' has shape {entry.ShapeText}; the config ({ShapeKeys(name, config)}) needs [{rows}, {cols}].");
        }

        var expectedNames = expected.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var unexpected = entries.Keys.FirstOrDefault(n => !expectedNames.Contains(n));
        if (unexpected is not null)
            throw new HwGenException($"{where}: unexpected tensor '{unexpected}'; a microGPT model has only wte, wpe, lm_head and layer{{i}}.attn_wq/attn_wk/attn_wv/attn_wo/mlp_fc1/mlp_fc2 for i below n_layer {config.NLayer}.");
    }

    /// <summary>The config fields a tensor's shape depends on, for messages.</summary>
    private static string ShapeKeys(string name, ModelConfig c) => name switch
    {
        TensorNames.Wte or TensorNames.LmHead => $"vocab_size {c.VocabSize}, n_embd {c.NEmbd}",
        TensorNames.Wpe => $"block_size {c.BlockSize}, n_embd {c.NEmbd}",
        _ => $"n_embd {c.NEmbd}",
    };

    /// <summary>The layer of a tensor named layer{i}.*, or null.</summary>
    private static int? LayerIndex(string name)
    {
        const string prefix = "layer";
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        if (!name.StartsWith(prefix, StringComparison.Ordinal) || dot <= prefix.Length)
            return null;
        return int.TryParse(name.AsSpan(prefix.Length, dot - prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : null;
    }

    /// <summary>A JSON array of non-negative integers, or null if it is anything else.</summary>
    private static long[]? Integers(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Array)
            return null;
        var result = new long[element.GetArrayLength()];
        var i = 0;
        foreach (var item in element.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt64(out var v) || v < 0)
                return null;
            result[i++] = v;
        }
        return result;
    }

    private static string Kind(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Null => "null",
        _ => "value",
    };

    /// <summary>Keeps untrusted text in a message short.</summary>
    private static string Shorten(string? text) =>
        text is null ? "null" : text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "...");
}
