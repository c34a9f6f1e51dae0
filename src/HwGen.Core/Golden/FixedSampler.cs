using HwGen.Numerics;
using HwGen.Quantization;
using HwGen.Sampling;

namespace HwGen.Golden;

/// <summary>
/// The hardware's sampler on the golden model (docs/numerics.md 5.4, docs/hardware.md "Generation"):
/// BOS at position 0, prompt tokens fed as they are, then each next token by greedy argmax or by
/// the integer temperature/exp/threshold rule with one xorshift32 draw (<see cref="XorShift32"/>,
/// seeded per sample); a chosen BOS ends the sample.
/// </summary>
public sealed class FixedSampler
{
    private readonly FixedGpt _model;
    private readonly NonlinearUnits _units;
    private readonly long[] _exps;

    public FixedSampler(FixedGpt model)
    {
        _model = model;
        _units = model.Units;
        _exps = new long[model.Config.VocabSize];
    }

    /// <summary>
    /// Generates one sample. <paramref name="temperatureCode"/> is UQ8.8 (0 means greedy);
    /// <paramref name="maxLen"/> 0 means no limit but the block.
    /// </summary>
    public FixedSample Generate(uint seed, int temperatureCode, bool greedy, ReadOnlySpan<int> prompt = default, int maxLen = 0, bool recordLogits = false)
    {
        var c = _model.Config;
        if (prompt.Length >= c.BlockSize)
            throw new HwGenException($"a prompt of {prompt.Length} tokens leaves no position to generate in block_size {c.BlockSize}; give at most {c.BlockSize - 1}.");
        foreach (var t in prompt)
        {
            if (t < 0 || t >= c.VocabSize || t == c.Bos)
                throw new HwGenException($"prompt token {t} is not a token of the vocabulary other than BOS (0..{c.VocabSize - 1}, BOS {c.Bos}).");
        }
        if (temperatureCode is < 0 or > ushort.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(temperatureCode), "a UQ8.8 code is 0 .. 65535");
        greedy |= temperatureCode == 0;
        var rng = new XorShift32(unchecked((int)seed));
        var (lambda, lambdaFrac) = greedy ? (0L, 0) : Lambda(temperatureCode);
        var logits = recordLogits ? new List<int[]>() : null;
        var nonzero = recordLogits ? new List<int[]>() : null;
        var emitted = new List<int>();
        _model.Reset();
        var token = c.Bos;
        var steps = 0;
        for (var pos = 0; pos < c.BlockSize; pos++)
        {
            var codes = _model.StepCodes(token);
            steps++;
            logits?.Add(codes.ToArray());
            nonzero?.Add(_model.HiddenNonzero.ToArray());
            if (pos < prompt.Length)
            {
                token = prompt[pos];
                continue;
            }
            int next;
            if (greedy)
            {
                next = ArgMax(codes);
            }
            else
            {
                next = Draw(codes, lambda, lambdaFrac, rng.NextUInt32());
            }
            if (next == c.Bos)
                break;
            emitted.Add(next);
            if (maxLen > 0 && emitted.Count >= maxLen)
                break;
            token = next;
        }
        return new FixedSample(emitted.ToArray(), steps, logits, nonzero);
    }

    /// <summary>The index of the largest code; the lowest index wins a tie.</summary>
    public static int ArgMax(ReadOnlySpan<int> codes)
    {
        var best = 0;
        for (var i = 1; i < codes.Length; i++)
        {
            if (codes[i] > codes[best])
                best = i;
        }
        return best;
    }

    /// <summary>LAMBDA = (LOG2E * y1T) &gt;&gt; 18 and its fraction bits Fr + bT - 11 (docs/numerics.md 5.4 step 1).</summary>
    public (long Lambda, int FracBits) Lambda(int temperatureCode)
    {
        var y1 = _units.Reciprocal(temperatureCode, out var b);
        var frac = NonlinearUnits.Log2EFracBits + _units.Parameters.RecipFracBits + b - Temperature.FracBits - NumericsPlan.LambdaShift;
        return ((NonlinearUnits.Log2E * y1) >> NumericsPlan.LambdaShift, frac);
    }

    /// <summary>docs/numerics.md 5.4 steps 2-5: exp weights, u = (r * Z) &gt;&gt; 32, first running sum above u.</summary>
    public int Draw(ReadOnlySpan<int> logits, long lambda, int lambdaFrac, uint r)
    {
        var max = int.MinValue;
        foreach (var l in logits)
            max = Math.Max(max, l);
        var shift = _model.LogitFormat.FracBits + lambdaFrac - _units.Parameters.ExpIndexBits;
        long z = 0;
        for (var i = 0; i < logits.Length; i++)
        {
            var e = _units.Exp2(FixedPoint.ShiftRoundHalfUp((long)(logits[i] - max) * lambda, shift));
            _exps[i] = e;
            z += e;
        }
        var u = (long)(((ulong)r * (ulong)z) >> 32);
        long running = 0;
        for (var i = 0; i < logits.Length; i++)
        {
            running += _exps[i];
            if (running > u)
                return i;
        }
        throw new InvalidOperationException("unreachable: the running sum ends at Z > u");
    }
}
