using HwGen.Golden;
using HwGen.Quantization;
using HwGen.Sampling;

namespace HwGen.Tests.Rtl;

/// <summary>
/// One sample of the golden model as docs/hardware.md and docs/numerics.md 5.4 define it, step by
/// step, keeping what the timeline needs (every chosen token): the PRNG is seeded by
/// <see cref="XorShift32"/>'s MurmurHash3 mix, one draw per sampled token.
/// </summary>
internal sealed record RtlGoldenSample(List<int[]> Logits, List<int> Emitted, List<int> Chosen)
{
    public static RtlGoldenSample Run(NumericsPlan plan, uint seed, int temperature, bool greedy, int maxLen, int[] prompt)
    {
        var gpt = new FixedGpt(plan);
        var sampler = new FixedSampler(gpt);
        var c = plan.Config;
        greedy |= temperature == 0;
        var rng = new XorShift32(unchecked((int)seed));
        var (lambda, lambdaFrac) = greedy ? (0L, 0) : sampler.Lambda(temperature);
        var result = new RtlGoldenSample([], [], []);
        var token = c.Bos;
        for (var pos = 0; pos < c.BlockSize; pos++)
        {
            var codes = gpt.StepCodes(token).ToArray();
            result.Logits.Add(codes);
            if (pos < prompt.Length)
            {
                token = prompt[pos];
                continue;
            }
            var next = greedy ? FixedSampler.ArgMax(codes) : sampler.Draw(codes, lambda, lambdaFrac, rng.NextUInt32());
            result.Chosen.Add(next);
            if (next == c.Bos)
                break;
            result.Emitted.Add(next);
            if (maxLen > 0 && result.Emitted.Count >= maxLen)
                break;
            token = next;
        }
        return result;
    }
}
