using HwGen.Numerics;
using HwGen.Quantization;
using HwGen.Rendering;

namespace HwGen.Rtl.Compact;

/// <summary>What the compact sampler adds to a design: its sources (leaves first) and its timing.</summary>
/// <param name="Sources">The .sv files added, in dependency order.</param>
/// <param name="Timing">Its cycles per token (<see cref="CompactSamplerTiming"/>).</param>
public sealed record CompactSamplerResult(IReadOnlyList<string> Sources, ISamplerTiming Timing);

/// <summary>
/// Renders the compact core's <c>hwgen_sampler</c> (hdl-templates/compact/hwgen_sampler.sv.hbs): no
/// multiplier block, one logit per cycle, its own exp and reciprocal tables (<c>cs_exp.mem</c>,
/// <c>cs_recip.mem</c>) and a block RAM for the step's logits (and the running sums of the exponentials
/// of the current token, which its binary search reads).
/// </summary>
public static class CompactSamplerDesign
{
    /// <summary>The template, relative to the hdl template folder.</summary>
    public const string Template = "compact/hwgen_sampler.sv.hbs";

    /// <summary>
    /// Adds hwgen_sampler.sv, cs_exp.mem and cs_recip.mem to <paramref name="files"/>, for a step whose last logit
    /// write comes <paramref name="lastWriteGap"/> cycles before its done cycle (<see cref="CompactStepProgram.LastLogitWriteGap"/>).
    /// </summary>
    /// <exception cref="HwGenException">The plan's tables or formats are not ones the compact sampler supports.</exception>
    public static CompactSamplerResult AddTo(BuildPlan files, TemplateRenderer templates, NumericsPlan plan, int lastWriteGap)
    {
        var view = CompactSamplerView.For(plan);
        var t = plan.Tables;
        var exp = ExpTable.Generate(t.ExpIndexBits, t.ExpFracBits);
        files.AddText(view.ExpMemFile, MemImage.Format(exp.Select(v => (long)v), view.ExpW,
            $"ExpTable.Generate({t.ExpIndexBits}, {t.ExpFracBits}): the compact sampler's exp table."));
        var recip = ReciprocalTable.Generate(t.RecipIndexBits, t.RecipFracBits);
        files.AddText(view.RecipMemFile, MemImage.Format(recip.Select(v => (long)v), view.RecipW,
            $"ReciprocalTable.Generate({t.RecipIndexBits}, {t.RecipFracBits}): the compact sampler's reciprocal table."));
        files.AddText("hwgen_sampler.sv", templates.Render(Template, view));
        return new CompactSamplerResult(["hwgen_sampler.sv"], view.Timing with { LastWriteGap = lastWriteGap });
    }
}
