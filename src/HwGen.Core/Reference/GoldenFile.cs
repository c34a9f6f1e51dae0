using System.Text.Json;
using HwGen.Model;

namespace HwGen.Reference;

/// <summary>
/// A golden-logits file (shared/golden/*.json): logits computed in float64 by the original
/// microGPT algorithm for a model. Schema:
/// <c>{ "model", "config": {n_layer, n_embd, n_head, block_size, vocab_size}, "bos", "cases": [ {"tokens", "logits"} ] }</c>.
/// </summary>
/// <param name="Source">The file it was read from, for messages.</param>
/// <param name="Model">The model file name the logits belong to.</param>
/// <param name="Config">The model shape (no vocabulary characters).</param>
/// <param name="Cases">The sequences with their logits.</param>
public sealed record GoldenFile(string Source, string Model, ModelConfig Config, IReadOnlyList<GoldenCase> Cases)
{
    /// <summary>Every position of every case.</summary>
    public int Positions => Cases.Sum(c => c.Tokens.Count);

    /// <summary>Reads and checks a golden file; throws <see cref="HwGenException"/> naming the file and the problem.</summary>
    public static GoldenFile Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HwGenException($"{path}: cannot read the golden file: {e.Message}");
        }
        return Parse(text, path);
    }

    /// <summary>Parses golden JSON; <paramref name="where"/> names it in messages.</summary>
    public static GoldenFile Parse(string json, string where)
    {
        JsonElement root;
        try
        {
            using var doc = JsonDocument.Parse(json);
            root = doc.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new HwGenException($"{where}: not valid JSON ({e.Message}).");
        }
        try
        {
            return Read(root, where);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or KeyNotFoundException)
        {
            throw new HwGenException($"{where}: does not follow the golden schema ({e.Message}); see shared/README.md.");
        }
    }

    /// <summary>
    /// Throws <see cref="HwGenException"/> when the file was made for another shape than
    /// <paramref name="model"/> (vocabulary characters are not compared).
    /// </summary>
    public void CheckMatches(ModelConfig model, string modelWhere)
    {
        if (Config != model with { Vocab = null })
            throw new HwGenException($"{Source}: golden config ({Config}) does not match the model {modelWhere} ({model}); give the golden file made for this model.");
    }

    private static GoldenFile Read(JsonElement root, string where)
    {
        JsonElement Field(JsonElement e, string name, string owner) =>
            e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v)
                ? v
                : throw new HwGenException($"{where}: {owner} has no '{name}'; see the golden schema in shared/README.md.");

        var cfg = Field(root, "config", "the file");
        var bos = Field(root, "bos", "the file").GetInt32();
        var config = new ModelConfig(
            Field(cfg, "n_layer", "config").GetInt32(), Field(cfg, "n_embd", "config").GetInt32(),
            Field(cfg, "n_head", "config").GetInt32(), Field(cfg, "block_size", "config").GetInt32(),
            Field(cfg, "vocab_size", "config").GetInt32(), bos).Validated(where);
        var model = Field(root, "model", "the file").GetString() ?? "";

        var cases = new List<GoldenCase>();
        var ci = 0;
        foreach (var c in Field(root, "cases", "the file").EnumerateArray())
        {
            var owner = $"case {ci}";
            var tokens = Field(c, "tokens", owner).EnumerateArray().Select(t => t.GetInt32()).ToArray();
            var rows = Field(c, "logits", owner).EnumerateArray()
                .Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
            if (tokens.Length == 0)
                throw new HwGenException($"{where}: {owner} has no tokens.");
            if (tokens.Length > config.BlockSize)
                throw new HwGenException($"{where}: {owner} has {tokens.Length} tokens, more than block_size {config.BlockSize}.");
            for (var i = 0; i < tokens.Length; i++)
            {
                if (tokens[i] < 0 || tokens[i] >= config.VocabSize)
                    throw new HwGenException($"{where}: {owner} token {i} is {tokens[i]}, outside the vocabulary 0..{config.VocabSize - 1}.");
            }
            if (rows.Length != tokens.Length)
                throw new HwGenException($"{where}: {owner} has {rows.Length} logits rows for {tokens.Length} tokens; it needs one row per token.");
            for (var i = 0; i < rows.Length; i++)
            {
                if (rows[i].Length != config.VocabSize)
                    throw new HwGenException($"{where}: {owner} logits row {i} has {rows[i].Length} values; vocab_size is {config.VocabSize}.");
            }
            cases.Add(new GoldenCase(tokens, rows));
            ci++;
        }
        if (cases.Count == 0)
            throw new HwGenException($"{where}: the file has no cases.");
        return new GoldenFile(where, model, config, cases);
    }
}
