using System.Globalization;

namespace HwGen.Simulation;

/// <summary>
/// Reads the harness's results file (docs/hardware.md, "Results file") and checks it against the
/// stimulus: every sample in order, one logits line of <c>vocab_size</c> codes and one stages line per
/// position fed, tokens in the vocabulary, the emitted count on the done line, stage cycles that add
/// up to the sample's cycles. Anything else is one
/// <see cref="HwGenException"/> naming the file, line and what was expected.
/// </summary>
public sealed class ResultsFile
{
    /// <summary>The first line of every results file.</summary>
    public const string Header = "hwgen-results 2";

    private readonly string _source;
    private readonly int _vocabSize;
    private readonly IReadOnlyList<SampleStimulus> _stimulus;
    private int _line;

    private ResultsFile(string source, int vocabSize, IReadOnlyList<SampleStimulus> stimulus)
    {
        _source = source;
        _vocabSize = vocabSize;
        _stimulus = stimulus;
    }

    /// <summary>
    /// Parses <paramref name="text"/> (read from <paramref name="source"/>, named in errors). When the
    /// harness stopped early, the samples finished before are returned with the reason in
    /// <paramref name="stop"/>; otherwise <paramref name="stop"/> is null and every sample is there.
    /// </summary>
    public static SimulationResults Parse(string text, string source, int vocabSize, IReadOnlyList<SampleStimulus> stimulus, out HarnessStop? stop) =>
        new ResultsFile(source, vocabSize, stimulus).Run(text, out stop);

    /// <summary>Parses a results file that must be complete (no watchdog or protocol stop).</summary>
    public static SimulationResults Parse(string text, string source, int vocabSize, IReadOnlyList<SampleStimulus> stimulus)
    {
        var results = Parse(text, source, vocabSize, stimulus, out var stop);
        if (stop is not null)
            throw new HwGenException($"{source}: the harness stopped at sample {stop.SampleId} ({stop.Kind} at cycle {stop.Cycle}{(stop.Detail.Length > 0 ? ": " + stop.Detail : "")}).");
        return results;
    }

    private SimulationResults Run(string text, out HarnessStop? stop)
    {
        stop = null;
        var lines = text.Split('\n');
        if (lines.Length > 0 && lines[^1].Length == 0)
            lines = lines[..^1];
        var samples = new List<SampleResult>();
        SampleBuilder? current = null;
        for (_line = 1; _line <= lines.Length; _line++)
        {
            var words = lines[_line - 1].Split(' ');
            if (_line == 1)
            {
                if (lines[0] != Header)
                    throw Error($"expected '{Header}' but found '{Shorten(lines[0])}'");
                continue;
            }
            switch (words[0])
            {
                case "sample":
                    Expect(current is null, "a 'sample' line inside sample " + current?.Id);
                    Count(words, 4, "sample <id> start <cycle>");
                    Expect(words[2] == "start", "'start' after the sample id");
                    Expect(samples.Count < _stimulus.Count, $"only {_stimulus.Count} samples in the stimulus");
                    var id = Int(words[1], "sample id");
                    Expect(id == _stimulus[samples.Count].Id, $"sample {_stimulus[samples.Count].Id} next (stimulus order), not {id}");
                    current = new SampleBuilder(id, Long(words[3], "start cycle"));
                    break;
                case "logits":
                    Expect(current is not null, "'logits' outside a sample");
                    Count(words, _vocabSize + 2, $"logits <pos> and {_vocabSize} codes");
                    Expect(Int(words[1], "position") == current!.Logits.Count, $"position {current.Logits.Count} next");
                    var codes = new int[_vocabSize];
                    for (var i = 0; i < _vocabSize; i++)
                        codes[i] = Code(words[i + 2], i);
                    current.Logits.Add(codes);
                    break;
                case "stages":
                    Expect(current is not null, "'stages' outside a sample");
                    Expect(words.Length >= 3, "'stages <pos> <code>:<cycles> ...'");
                    Expect(Int(words[1], "position") == current!.Stages.Count, $"stages of position {current.Stages.Count} next");
                    current.Stages.Add(StageList(words));
                    break;
                case "token":
                    Expect(current is not null, "'token' outside a sample");
                    Count(words, 3, "token <tok> <cycle>");
                    var token = Int(words[1], "token");
                    Expect(token < _vocabSize, $"a token below the vocabulary size {_vocabSize}, not {token}");
                    var cycle = Long(words[2], "token cycle");
                    var last = current!.Tokens.Count > 0 ? current.Tokens[^1].Cycle : current.Start;
                    Expect(cycle >= last, $"token cycle {cycle} not before the previous event at cycle {last}");
                    current.Tokens.Add(new EmittedToken(token, cycle));
                    break;
                case "done":
                    Expect(current is not null, "'done' outside a sample");
                    Count(words, 4, "done <id> <cycle> <emitted>");
                    Expect(Int(words[1], "sample id") == current!.Id, $"'done {current.Id}'");
                    var done = Long(words[2], "done cycle");
                    var emitted = Int(words[3], "emitted count");
                    Expect(emitted == current.Tokens.Count, $"emitted count {current.Tokens.Count} (token lines of the sample), not {emitted}");
                    Expect(current.Logits.Count > 0, $"at least one logits line in sample {current.Id}");
                    Expect(current.Stages.Count == current.Logits.Count, $"{current.Logits.Count} stages lines (one per logits line) in sample {current.Id}, not {current.Stages.Count}");
                    var staged = current.Stages.Sum(l => l.Sum(c => c.Cycles));
                    Expect(staged == done - current.Start + 1, $"stage cycles adding up to {done - current.Start + 1} (start to done, inclusive) in sample {current.Id}, not {staged}");
                    samples.Add(new SampleResult(current.Id, current.Start, done, current.Tokens.ToArray(), current.Logits.ToArray(), current.Stages.ToArray()));
                    current = null;
                    break;
                case "watchdog":
                case "protocol":
                    Expect(words.Length >= 3, $"{words[0]} <id> <cycle>");
                    stop = new HarnessStop(words[0], Int(words[1], "sample id"), Long(words[2], "cycle"), string.Join(' ', words.Skip(3)));
                    return new SimulationResults(samples, stop.Cycle);
                case "end":
                    Expect(current is null, $"'done {current?.Id}' before 'end'");
                    Count(words, 2, "end <total cycles>");
                    Expect(samples.Count == _stimulus.Count, $"{_stimulus.Count} samples before 'end', not {samples.Count}");
                    var total = Long(words[1], "total cycles");
                    Expect(_line == lines.Length, "nothing after 'end'");
                    return new SimulationResults(samples, total);
                default:
                    throw Error($"unknown line '{Shorten(lines[_line - 1])}'");
            }
        }
        throw new HwGenException($"{_source}: the results end after {samples.Count} of {_stimulus.Count} samples without an 'end' line; the harness was cut short (see its log).");
    }

    private StageCycles[] StageList(string[] words)
    {
        var list = new StageCycles[words.Length - 2];
        for (var i = 2; i < words.Length; i++)
        {
            var parts = words[i].Split(':');
            Expect(parts.Length == 2, $"<code>:<cycles>, not '{Shorten(words[i])}'");
            var code = Int(parts[0], "stage code");
            var cycles = Long(parts[1], "stage cycle count");
            Expect(code <= 255, $"a stage code from 0 to 255, not {code}");
            Expect(i == 2 || code > list[i - 3].Code, $"stage codes in increasing order, not {code} after {(i > 2 ? list[i - 3].Code : 0)}");
            Expect(cycles > 0, $"a positive cycle count for stage code {code}");
            list[i - 2] = new StageCycles(code, cycles);
        }
        return list;
    }

    private int Code(string word, int index)
    {
        if (word.Length != 4 || !word.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f'))
            throw Error($"logit {index} is '{Shorten(word)}'; expected 4 lowercase hex digits");
        return (short)ushort.Parse(word, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
    }

    private int Int(string word, string what)
    {
        var value = Long(word, what);
        Expect(value <= int.MaxValue, $"a {what} below 2^31, not {value}");
        return (int)value;
    }

    private long Long(string word, string what)
    {
        if (word.Length == 0 || word.Length > 18 || !word.All(char.IsAsciiDigit))
            throw Error($"expected a {what} (decimal) but found '{Shorten(word)}'");
        return long.Parse(word, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    private void Count(string[] words, int count, string form)
    {
        if (words.Length != count)
            throw Error($"expected '{form}' ({count} fields) but found {words.Length} fields");
    }

    private void Expect(bool condition, string expected)
    {
        if (!condition)
            throw Error("expected " + expected);
    }

    private HwGenException Error(string what) =>
        new($"{_source} line {_line}: {what}. The results do not follow docs/hardware.md; rebuild the harness from sim/ and check the design's ports.");

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";

    private sealed class SampleBuilder(int id, long start)
    {
        public int Id { get; } = id;

        public long Start { get; } = start;

        public List<EmittedToken> Tokens { get; } = [];

        public List<int[]> Logits { get; } = [];

        public List<IReadOnlyList<StageCycles>> Stages { get; } = [];
    }
}
