using HwGen.Quantization;
using HwGen.Rendering;

namespace HwGen.Rtl.Compact;

/// <summary>PLACEHOLDER on branch arch only (the csamp branch replaces this file).</summary>
public sealed record CompactSamplerResult(IReadOnlyList<string> Sources, ISamplerTiming Timing);

/// <summary>PLACEHOLDER on branch arch only (the csamp branch replaces this file).</summary>
public static class CompactSamplerDesign
{
    public static CompactSamplerResult AddTo(BuildPlan files, TemplateRenderer templates, NumericsPlan plan, int lanes) =>
        throw new HwGenException("placeholder: the compact sampler is on branch csamp");
}
