using System.Collections.Concurrent;
using HwGen.Model;
using HwGen.Numerics;
using HwGen.Quantization;

namespace HwGen.Tests.Rtl.Compact;

/// <summary>Plans of models the compact tests use besides <see cref="RtlTestModels"/>.</summary>
internal static class CompactPlans
{
    private static readonly ConcurrentDictionary<string, NumericsPlan> Plans = new();

    /// <summary>wide2 with auto formats (its layers' score formats differ).</summary>
    public static NumericsPlan Wide2Auto => Plans.GetOrAdd("wide2-auto", _ => PlanFactory.Create(SafeTensors.Load(TestPaths.Wide2Model), "auto", null));

    /// <summary>microGPT's shape with 2 heads of 8 and deterministic pseudo-random weights in Q4.12 (the rings without RAM).</summary>
    public static NumericsPlan TwoHeads => Plans.GetOrAdd("two-heads", _ => PlanBuilder.Fixed(RtlTestModels.RandomWeights(new ModelConfig(1, 16, 2, 16, 27, 26), 777), new QFormat(4)));

    /// <summary>microGPT's shape with 1 head of 16 and deterministic pseudo-random weights in Q4.12.</summary>
    public static NumericsPlan OneHead => Plans.GetOrAdd("one-head", _ => PlanBuilder.Fixed(RtlTestModels.RandomWeights(new ModelConfig(1, 16, 1, 16, 27, 26), 778), new QFormat(4)));

    /// <summary>The built-in microgpt-names model with auto formats.</summary>
    public static NumericsPlan Names => Plans.GetOrAdd("names", _ => PlanFactory.Create(SafeTensors.Load(TestPaths.DefaultModel), "auto", null));
}
