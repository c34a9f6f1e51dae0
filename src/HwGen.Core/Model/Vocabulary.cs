namespace HwGen.Model;

/// <summary>Maps tokens to text. Tokens without a known character print as &lt;t&gt;; BOS prints as nothing.</summary>
public sealed class Vocabulary
{
    private readonly ModelConfig _config;

    public Vocabulary(ModelConfig config) => _config = config;

    /// <summary>The text of a token sequence, BOS tokens left out.</summary>
    public string Decode(IEnumerable<int> tokens)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var t in tokens)
        {
            if (t == _config.Bos)
                continue;
            var index = t < _config.Bos ? t : t - 1;
            if (_config.Vocab is { } v && index >= 0 && index < v.Length)
                sb.Append(v[index]);
            else
                sb.Append('<').Append(t).Append('>');
        }
        return sb.ToString();
    }

    /// <summary>The tokens of a text; throws naming the first character not in the vocabulary.</summary>
    public int[] Encode(string text, string where = "text")
    {
        if (_config.Vocab is not { } v)
            throw new HwGenException($"{where}: the model has no vocabulary characters in its metadata, so text cannot be encoded; give tokens instead.");
        var tokens = new int[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            var index = v.IndexOf(text[i], StringComparison.Ordinal);
            if (index < 0)
                throw new HwGenException($"{where}: character '{text[i]}' at column {i + 1} is not in the model's vocabulary \"{v}\".");
            tokens[i] = index < _config.Bos ? index : index + 1;
        }
        return tokens;
    }
}
