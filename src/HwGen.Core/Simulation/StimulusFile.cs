using System.Globalization;
using System.Text;
using HwGen.Model;

namespace HwGen.Simulation;

/// <summary>Writes the harness's stimulus file (docs/hardware.md, "Stimulus file").</summary>
public static class StimulusFile
{
    /// <summary>The first line of every stimulus file.</summary>
    public const string Header = "hwgen-stimulus 1";

    /// <summary>
    /// The stimulus text of <paramref name="samples"/>, after checking each against the model's
    /// shape (prompt tokens in the vocabulary and not BOS, lengths within the block, unique ids).
    /// </summary>
    public static string Format(IReadOnlyList<SampleStimulus> samples, ModelConfig config)
    {
        var text = new StringBuilder(Header).Append('\n');
        var ids = new HashSet<int>();
        foreach (var s in samples)
        {
            Validate(s, config);
            if (!ids.Add(s.Id))
                throw new HwGenException($"Stimulus: sample id {s.Id} appears twice; give every sample its own id.");
            text.Append(CultureInfo.InvariantCulture,
                $"sample {s.Id} seed {s.Seed} temperature {s.Temperature} greedy {(s.Greedy ? 1 : 0)} max_len {s.MaxLen} prompt {s.Prompt.Count}");
            foreach (var t in s.Prompt)
                text.Append(' ').Append(t.ToString(CultureInfo.InvariantCulture));
            text.Append('\n');
        }
        return text.ToString();
    }

    /// <summary>Writes the stimulus file atomically (a temporary file renamed over <paramref name="path"/>).</summary>
    public static void Write(string path, IReadOnlyList<SampleStimulus> samples, ModelConfig config)
    {
        Rendering.OutputFolder.WriteFile(path, new UTF8Encoding(false).GetBytes(Format(samples, config)));
    }

    private static void Validate(SampleStimulus s, ModelConfig config)
    {
        var where = $"Stimulus sample {s.Id}";
        if (s.Id < 0)
            throw new HwGenException($"{where}: the id is negative; use ids from 0.");
        if (s.MaxLen < 0 || s.MaxLen > config.BlockSize)
            throw new HwGenException($"{where}: max_len {s.MaxLen} is outside 0..{config.BlockSize} (the block size); use 0 for no limit.");
        if (s.Prompt.Count > config.BlockSize - 1)
            throw new HwGenException($"{where}: the prompt has {s.Prompt.Count} tokens; the block of {config.BlockSize} allows at most {config.BlockSize - 1}.");
        for (var i = 0; i < s.Prompt.Count; i++)
        {
            var t = s.Prompt[i];
            if (t < 0 || t >= config.VocabSize || t == config.Bos)
                throw new HwGenException($"{where}: prompt token {i} is {t}; it must be in 0..{config.VocabSize - 1} and not BOS ({config.Bos}).");
        }
        if (s.Temperature == 0 && !s.Greedy)
            throw new HwGenException($"{where}: temperature code 0 with sampling; give a positive temperature or greedy mode.");
    }
}
