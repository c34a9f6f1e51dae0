using HwGen.Model;
using HwGen.Numerics;
using HwGen.Quantization;
using HwGen.Reference;

namespace HwGen.Tests.Golden;

/// <summary>Plans of the shared talos model, built once per test run.</summary>
internal static class TalosPlans
{
    private static readonly Lazy<ModelWeights> Weights = new(() => SafeTensors.Load(TestPaths.TalosModel));

    private static readonly Lazy<NumericsPlan> AutoPlan = new(() =>
    {
        var corpus = TokenCorpus.Load(TestPaths.NamesCorpus, Weights.Value.Config);
        return PlanBuilder.Auto(Weights.Value, Calibration.Measure(Weights.Value, corpus.Documents.Take(2000)), "names.txt (first 2000)");
    });

    public static ModelWeights Model => Weights.Value;

    /// <summary>Auto formats calibrated on the first 2,000 names.</summary>
    public static NumericsPlan Auto => AutoPlan.Value;

    public static NumericsPlan Everywhere(string format) => PlanBuilder.Fixed(Weights.Value, QFormat.Parse(format));
}
