using HwGen.Quantization;
using HwGen.Rendering;

namespace HwGen.Rtl.Compact;

/// <summary>PLACEHOLDER on branch arch only (the cstep branch replaces this file).</summary>
public sealed record CompactStepResult(IReadOnlyList<string> Sources, IReadOnlyList<ScheduleStage> Stages);

/// <summary>PLACEHOLDER on branch arch only (the cstep branch replaces this file).</summary>
public static class CompactStepDesign
{
    public static CompactStepResult AddTo(BuildPlan files, TemplateRenderer templates, NumericsPlan plan, int lanes) =>
        throw new HwGenException("placeholder: the compact step is on branch cstep");
}
