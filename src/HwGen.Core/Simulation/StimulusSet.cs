using HwGen.Golden;
using HwGen.Model;

namespace HwGen.Simulation;

/// <summary>Builds lists of samples to simulate, reproducibly from a seed.</summary>
public static class StimulusSet
{
    /// <summary>
    /// <paramref name="count"/> samples all in the same mode (greedy, or sampled at
    /// <paramref name="temperature"/>), with the given prompt and no length limit; sample i has
    /// id i and a seed derived from <paramref name="seed"/> and i.
    /// </summary>
    public static IReadOnlyList<SampleStimulus> Uniform(int count, int seed, double temperature, bool greedy, IReadOnlyList<int>? prompt = null)
    {
        RequireCount(count);
        var code = (ushort)Temperature.ToCode(temperature);
        return Enumerable.Range(0, count)
            .Select(i => new SampleStimulus(i, SampleSeed(seed, i), code, greedy, 0, prompt ?? []))
            .ToArray();
    }

    /// <summary>
    /// <paramref name="count"/> samples that cycle through the modes verification must cover:
    /// temperature 1.0, temperature 0.5, greedy, and temperature 1.0 after a prompt of 1 to 3 random
    /// tokens (never BOS); every eighth sample also has a random max_len of 1 to 4.
    /// </summary>
    public static IReadOnlyList<SampleStimulus> Mixed(int count, int seed, ModelConfig config)
    {
        RequireCount(count);
        var random = new Random(seed);
        var one = (ushort)Temperature.ToCode(1.0);
        var half = (ushort)Temperature.ToCode(0.5);
        var samples = new SampleStimulus[count];
        for (var i = 0; i < count; i++)
        {
            IReadOnlyList<int> prompt = [];
            if (i % 4 == 3)
            {
                var length = Math.Min(random.Next(1, 4), config.BlockSize - 1);
                prompt = Enumerable.Range(0, length).Select(_ => RandomToken(random, config)).ToArray();
            }
            var maxLen = i % 8 == 5 ? Math.Min(random.Next(1, 5), config.BlockSize) : 0;
            samples[i] = (i % 4) switch
            {
                1 => new SampleStimulus(i, SampleSeed(seed, i), half, false, maxLen, prompt),
                2 => new SampleStimulus(i, SampleSeed(seed, i), one, true, maxLen, prompt),
                _ => new SampleStimulus(i, SampleSeed(seed, i), one, false, maxLen, prompt),
            };
        }
        return samples;
    }

    /// <summary>
    /// The PRNG seed of sample <paramref name="index"/>: the run seed plus the index (wrapping), as
    /// <c>hwgen sample --fixed</c> seeds its samples, so both give the same names.
    /// </summary>
    public static uint SampleSeed(int seed, int index) => unchecked((uint)seed + (uint)index);

    private static int RandomToken(Random random, ModelConfig config)
    {
        var t = random.Next(config.VocabSize - 1);
        return t >= config.Bos ? t + 1 : t;
    }

    private static void RequireCount(int count)
    {
        if (count < 1)
            throw new HwGenException($"--samples is {count}; give at least 1 sample.");
    }
}
