using HwGen.Model;

namespace HwGen.Fpga;

/// <summary>One token's character on the UART: its ASCII code, or '?' when it has none printable.</summary>
/// <param name="Token">The token.</param>
/// <param name="Ascii">The byte sent.</param>
public sealed record TokenCharacter(int Token, byte Ascii);

/// <summary>The token to ASCII table of the board's UART, from the model's vocabulary characters.</summary>
public static class CharacterMap
{
    /// <summary>The byte sent for a token without a printable ASCII character: '?'.</summary>
    public const byte Unknown = (byte)'?';

    /// <summary>
    /// Every token but BOS with its byte: the vocabulary character when it is printable ASCII
    /// (0x20..0x7e), else '?' (also for every token of a model without vocabulary characters).
    /// </summary>
    public static IReadOnlyList<TokenCharacter> For(ModelConfig config)
    {
        var list = new List<TokenCharacter>();
        for (var token = 0; token < config.VocabSize; token++)
        {
            if (token == config.Bos)
                continue;
            var index = token < config.Bos ? token : token - 1;
            var c = config.Vocab is { } v && index < v.Length ? v[index] : '\0';
            list.Add(new TokenCharacter(token, c is >= ' ' and <= '~' ? (byte)c : Unknown));
        }
        return list;
    }

    /// <summary>The text the board prints for <paramref name="tokens"/> (BOS left out).</summary>
    public static string Print(ModelConfig config, IEnumerable<int> tokens)
    {
        var map = For(config).ToDictionary(t => t.Token, t => (char)t.Ascii);
        return string.Concat(tokens.Where(t => t != config.Bos).Select(t => map.TryGetValue(t, out var c) ? c : (char)Unknown));
    }
}
