using System.Collections.Immutable;
using HwGen.Model;
using HwGen.Numerics;

namespace HwGen.Quantization;

/// <summary>Turns float weights into codes: round half to even, saturate (docs/numerics.md 6, "Weight tensors").</summary>
public static class WeightQuantizer
{
    /// <summary>
    /// Quantizes <paramref name="weights"/> in <paramref name="format"/>, or, when it is null, in the
    /// fewest integer bits at which no weight saturates after rounding.
    /// </summary>
    public static QuantizedTensor Quantize(string name, Matrix weights, QFormat? format)
    {
        var chosen = format ?? FewestBitsWithoutClipping(name, weights.Data);
        var codes = new short[weights.Data.Length];
        var clipped = 0;
        double signal = 0, noise = 0, maxAbs = 0;
        for (var i = 0; i < codes.Length; i++)
        {
            var w = weights.Data[i];
            var code = chosen.ToCode(w, Rounding.NearestEven, Overflow.Saturate, out var saturated);
            if (saturated)
                clipped++;
            codes[i] = (short)code;
            var e = w - chosen.ToValue(code);
            signal += w * w;
            noise += e * e;
            maxAbs = Math.Max(maxAbs, Math.Abs(w));
        }
        var snr = noise == 0 ? double.PositiveInfinity : 10 * Math.Log10(signal / noise);
        return new QuantizedTensor(name, weights.Rows, weights.Cols, chosen, ImmutableArray.Create(codes), maxAbs, snr, clipped);
    }

    private static QFormat FewestBitsWithoutClipping(string name, double[] values)
    {
        for (var m = 1; m <= QFormat.Width; m++)
        {
            var f = new QFormat(m);
            if (values.All(v => { f.ToCode(v, Rounding.NearestEven, Overflow.Saturate, out var s); return !s; }))
                return f;
        }
        throw new HwGenException($"tensor '{name}' has a weight of magnitude {values.Max(Math.Abs):G6}, beyond every 16-bit format (Q16.0 holds up to 32767).");
    }
}
