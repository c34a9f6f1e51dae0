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

    /// <summary>Adds hwgen_sampler.sv, cs_exp.mem and cs_recip.mem to <paramref name="files"/>.</summary>
    /// <exception cref="HwGenException">The plan's tables or formats are not ones the compact sampler supports.</exception>
    public static CompactSamplerResult AddTo(BuildPlan files, TemplateRenderer templates, NumericsPlan plan, int lanes)
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
        return new CompactSamplerResult(["hwgen_sampler.sv"], view.Timing with { LastWriteGap = LastWriteGap(plan, lanes) });
    }

    /// <summary>
    /// Cycles from the compact step's last logit write to its done cycle (the sampler's start_i): lm_head's
    /// serial path writes lane r of its last pass SerialLatency + 5 + r cycles after its last issue, the
    /// op's tail (L + 4 + SerialLatency) ends with the write of lane L - 1, and End (done_o) follows it:
    /// L - r cycles, r the lane of the last logit.
    /// </summary>
    public static int LastWriteGap(NumericsPlan plan, int lanes)
    {
        var program = CompactStepProgram.Build(plan, new CompactStepLayout(plan.Config, lanes));
        var uops = program.Uops;
        var last = uops.Count - 2;
        var lm = uops[last];
        if (uops[^1].Op != CompactStepOp.End || lm.Write != CompactWrite.Logit || lm.RowBase != 0 || lm.PassPos)
            throw new InvalidOperationException("the compact step's last op before End is not the logits' product");
        var lane = (plan.Config.VocabSize - 1) % lanes;
        return lm.Tail - 4 - CompactStepProgram.SerialLatency - lane;
    }
}
