using System.Collections.Concurrent;
using HwGen.Model;
using HwGen.Quantization;

namespace HwGen.Tests.Rtl.Compact;

/// <summary>Plans of models the compact tests use besides <see cref="RtlTestModels"/>.</summary>
internal static class CompactPlans
{
    private static readonly ConcurrentDictionary<string, NumericsPlan> Plans = new();

    /// <summary>wide2 with auto formats (its layers' score formats differ).</summary>
    public static NumericsPlan Wide2Auto => Plans.GetOrAdd("wide2-auto", _ => PlanFactory.Create(SafeTensors.Load(TestPaths.Wide2Model), "auto", null));

    /// <summary>The built-in microgpt-names model with auto formats.</summary>
    public static NumericsPlan Names => Plans.GetOrAdd("names", _ => PlanFactory.Create(SafeTensors.Load(TestPaths.DefaultModel), "auto", null));
}
