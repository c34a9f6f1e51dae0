using System.Collections.Concurrent;
using HwGen.Model;
using HwGen.Quantization;

namespace HwGen.Tests.Rtl.Compact;

/// <summary>Plans of models the compact tests use besides <see cref="RtlTestModels"/>.</summary>
internal static class CompactPlans
{
    private static readonly ConcurrentDictionary<string, NumericsPlan> Plans = new();

    /// <summary>The built-in microgpt-names model with auto formats.</summary>
    public static NumericsPlan Names => Plans.GetOrAdd("names", _ => PlanFactory.Create(SafeTensors.Load(TestPaths.DefaultModel), "auto", null));
}
