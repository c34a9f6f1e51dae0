using HwGen.Model;

namespace HwGen.Training;

/// <summary>
/// A training corpus as microGPT reads it: one document per line, surrounding whitespace trimmed,
/// blank lines skipped. The vocabulary is the sorted set of the documents' characters (tokens
/// 0 .. n-1) followed by BOS (token n).
/// </summary>
public sealed class TrainingCorpus
{
    private TrainingCorpus(string source, string vocab, IReadOnlyList<string> documents)
    {
        Source = source;
        Vocab = vocab;
        Documents = documents;
        var codes = new Dictionary<char, int>();
        for (var i = 0; i < vocab.Length; i++)
            codes[vocab[i]] = i;
        Tokens = documents.Select(d => d.Select(c => codes[c]).ToArray()).ToArray();
    }

    /// <summary>Where the corpus came from (a file path), for messages.</summary>
    public string Source { get; }

    /// <summary>The characters of tokens 0 .. <see cref="Bos"/>-1, in ordinal order.</summary>
    public string Vocab { get; }

    /// <summary>The BOS token: the last one.</summary>
    public int Bos => Vocab.Length;

    public int VocabSize => Vocab.Length + 1;

    /// <summary>The documents (trimmed, non-empty lines) in file order.</summary>
    public IReadOnlyList<string> Documents { get; }

    /// <summary>The character tokens of each document, without BOS.</summary>
    public IReadOnlyList<int[]> Tokens { get; }

    /// <summary>Reads a corpus file (UTF-8); throws <see cref="HwGenException"/> if it is missing, unreadable or empty.</summary>
    public static TrainingCorpus Load(string path)
    {
        if (!File.Exists(path))
            throw new HwGenException($"{path}: corpus file not found; give a text file with one document (e.g. a name) per line.");
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HwGenException($"{path}: cannot read the corpus file: {e.Message}");
        }
        return FromLines(lines, path);
    }

    /// <summary>Builds a corpus from lines; <paramref name="where"/> names the source in messages.</summary>
    public static TrainingCorpus FromLines(IEnumerable<string> lines, string where)
    {
        var documents = new List<string>();
        var lineNumber = 0;
        foreach (var raw in lines)
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0)
                continue;
            var surrogate = line.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF');
            if (surrogate >= 0)
                throw new HwGenException($"{where}: line {lineNumber} has a character outside the Basic Multilingual Plane (column {surrogate + 1}); the trainer's vocabulary holds single UTF-16 characters only.");
            documents.Add(line);
        }
        if (documents.Count == 0)
            throw new HwGenException($"{where}: the corpus has no documents (every line is blank); give at least one non-empty line.");
        var chars = documents.SelectMany(d => d).Distinct().Order().ToArray();
        return new TrainingCorpus(where, new string(chars), documents);
    }

    /// <summary>The model shape that trains on this corpus: its vocabulary, BOS last.</summary>
    public ModelConfig ModelConfig(int nLayer, int nEmbd, int nHead, int blockSize) =>
        new(nLayer, nEmbd, nHead, blockSize, VocabSize, Bos, Vocab);

    /// <summary>
    /// Document <paramref name="index"/> as the model sees it: [BOS] + characters + [BOS], cut to
    /// <paramref name="blockSize"/> + 1 tokens (block_size predictions).
    /// </summary>
    public int[] Sequence(int index, int blockSize)
    {
        var chars = Tokens[index];
        var length = Math.Min(chars.Length + 2, blockSize + 1);
        var sequence = new int[length];
        sequence[0] = Bos;
        for (var i = 1; i < length; i++)
            sequence[i] = i - 1 < chars.Length ? chars[i - 1] : Bos;
        return sequence;
    }
}
