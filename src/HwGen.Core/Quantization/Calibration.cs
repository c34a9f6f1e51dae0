using HwGen.Model;
using HwGen.Reference;
using HwGen.Sampling;

namespace HwGen.Quantization;

/// <summary>Measures activation ranges with the float64 reference (docs/numerics.md section 6, "auto").</summary>
public static class Calibration
{
    /// <summary>Names sampled for the default calibration corpus.</summary>
    public const int DefaultSamples = 1000;

    /// <summary>Seed of the default calibration corpus.</summary>
    public const int DefaultSeed = 1234;

    /// <summary>
    /// Runs every document (BOS, tokens, BOS) as microGPT's loss does: its first
    /// min(block_size, length - 1) tokens from a fresh cache; records max |value| per site.
    /// </summary>
    public static ActivationRanges Measure(ModelWeights weights, IEnumerable<int[]> documents)
    {
        var ranges = new ActivationRanges();
        var model = new FloatGpt(weights, ranges);
        foreach (var doc in documents)
        {
            model.Reset();
            var n = Math.Min(weights.Config.BlockSize, doc.Length - 1);
            for (var p = 0; p < n; p++)
                model.Step(doc[p]);
        }
        return ranges;
    }

    /// <summary>
    /// The default calibration corpus when the user gives none: <paramref name="count"/> documents
    /// sampled from the float model at temperature 1 with <paramref name="seed"/>, BOS on both ends.
    /// </summary>
    public static IReadOnlyList<int[]> SampledDocuments(ModelWeights weights, int count = DefaultSamples, int seed = DefaultSeed)
    {
        var sampler = new Sampler(new FloatGpt(weights), new SamplingOptions(1.0, seed));
        var bos = weights.Config.Bos;
        var docs = new List<int[]>(count);
        for (var i = 0; i < count; i++)
            docs.Add([bos, .. sampler.Next(), bos]);
        return docs;
    }
}
