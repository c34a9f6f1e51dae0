using HwGen.Model;

namespace HwGen.Reference;

/// <summary>
/// A text corpus as microGPT trains on it: every non-empty line is a document, encoded as
/// [BOS] + characters + [BOS] with the model's vocabulary. Trailing whitespace of a line is dropped.
/// </summary>
/// <param name="Source">The file it was read from.</param>
/// <param name="Documents">The token sequences, BOS on both ends.</param>
public sealed record TokenCorpus(string Source, IReadOnlyList<int[]> Documents)
{
    /// <summary>
    /// Reads and encodes <paramref name="path"/>; a character outside the vocabulary is an
    /// <see cref="HwGenException"/> naming file, line and column.
    /// </summary>
    public static TokenCorpus Load(string path, ModelConfig config)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HwGenException($"{path}: cannot read the corpus: {e.Message}");
        }
        return Encode(lines, config, path);
    }

    /// <summary>Encodes <paramref name="lines"/>; <paramref name="where"/> names them in messages.</summary>
    public static TokenCorpus Encode(IEnumerable<string> lines, ModelConfig config, string where)
    {
        var vocab = new Vocabulary(config);
        var docs = new List<int[]>();
        var lineNumber = 0;
        foreach (var raw in lines)
        {
            lineNumber++;
            var line = raw.TrimEnd();
            if (line.Length == 0)
                continue;
            var chars = vocab.Encode(line, $"{where} line {lineNumber}");
            var doc = new int[chars.Length + 2];
            doc[0] = config.Bos;
            chars.CopyTo(doc, 1);
            doc[^1] = config.Bos;
            docs.Add(doc);
        }
        if (docs.Count == 0)
            throw new HwGenException($"{where}: the corpus has no non-empty line; give one document per line.");
        return new TokenCorpus(where, docs);
    }
}
