using System.Collections.Concurrent;
using HwGen.Model;
using HwGen.Numerics;
using HwGen.Quantization;

namespace HwGen.Tests.Rtl;

/// <summary>Numerics plans the RTL tests generate from: the shared models, and a shape nobody trained.</summary>
internal static class RtlTestModels
{
    private static readonly ConcurrentDictionary<string, NumericsPlan> Plans = new();

    /// <summary>3 heads of 8 (n_embd 24), 3 layers, block 32, vocab 40.</summary>
    public static ModelConfig OddShape { get; } = new(3, 24, 3, 32, 40, 39);

    public static NumericsPlan Talos => Plans.GetOrAdd("talos", _ => PlanBuilder.Fixed(SafeTensors.Load(TestPaths.TalosModel), new QFormat(4)));

    /// <summary>The shared microGPT with auto formats (each tensor and site its own), calibrated on sampled names.</summary>
    public static NumericsPlan TalosAuto => Plans.GetOrAdd("talos-auto", _ => PlanFactory.Create(SafeTensors.Load(TestPaths.TalosModel), "auto", null));

    public static NumericsPlan Wide2 => Plans.GetOrAdd("wide2", _ => PlanBuilder.Fixed(SafeTensors.Load(TestPaths.Wide2Model), new QFormat(4)));

    /// <summary>The odd shape with deterministic pseudo-random weights (std about 0.2), all in Q4.12.</summary>
    public static NumericsPlan Odd => Plans.GetOrAdd("odd", _ => PlanBuilder.Fixed(RandomWeights(OddShape, 12345), new QFormat(4)));

    /// <summary>Weights from a fixed linear congruential sequence, so the model is the same on every machine.</summary>
    public static ModelWeights RandomWeights(ModelConfig config, uint seed)
    {
        var weights = ModelWeights.Zeros(config);
        var state = seed;
        foreach (var (name, _, _) in config.TensorShapes())
        {
            var data = weights.Tensors[name].Data;
            for (var i = 0; i < data.Length; i++)
            {
                // Sum of 4 uniforms in [-0.5, 0.5): mean 0, std 0.577; scaled to about 0.2.
                double sum = 0;
                for (var j = 0; j < 4; j++)
                {
                    state = state * 1664525u + 1013904223u;
                    sum += state / 4294967296.0 - 0.5;
                }
                data[i] = sum * 0.35;
            }
        }
        return weights;
    }
}
