using HwGen.Quantization;
using HwGen.Rendering;
using HwGen.Rtl.Compact;

namespace HwGen.Rtl;

/// <summary>
/// Renders the compact core (<see cref="CoreArch.Compact"/>): the compact step and sampler, each
/// with its files and timing, under the hwgen_core top that every architecture shares.
/// </summary>
internal static class CompactGenerator
{
    /// <summary>The design of <paramref name="plan"/> (built with <see cref="Numerics.TableParameters.Compact"/>).</summary>
    public static RtlDesign Generate(NumericsPlan plan, RtlOptions options, TemplateRenderer templates)
    {
        var c = plan.Config;
        var files = new BuildPlan(options.ModelHash);
        var step = CompactStepDesign.AddTo(files, templates, plan, options.Lanes);
        var sampler = CompactSamplerDesign.AddTo(files, templates, plan, step.LastLogitWriteGap);
        if (step.Stages.Count > CoreStage.FirstPhase)
            throw new HwGenException($"The compact decode step of {c} has {step.Stages.Count} stages; dbg_stage_o shows at most {CoreStage.FirstPhase}. Use fewer layers.");
        files.AddText("hwgen_core.sv", templates.Render("hwgen_core.sv.hbs", RtlGenerator.CoreModel(c, options.Lanes, serialLogits: true)));

        // Dependency order: the step's leaves and the step, the sampler's, then the top.
        string[] sources = [.. step.Sources, .. sampler.Sources, "hwgen_core.sv"];
        var schedule = RtlSchedule.Of(step.Stages, sampler.Timing, c.VocabSize);

        // The sampler's per-sample work (seed mix, LAMBDA) starts with the start transfer, beside step 0,
        // and its serial draw runs again after each sampled done_o; both must be done when the next step's
        // exponentials start, the cycle after its last logit write, LastWriteGap - 1 cycles before its done_o.
        // Step 0 is the shortest step: position 0 with every MLP hidden code 0 (fc2's fewest columns).
        // Every step the compact program makes is far longer than the sampler's ready cycles.
        var shortest = schedule.StepCycles(0, new int[c.NLayer]);
        if (sampler.Timing is CompactSamplerTiming t && shortest + 1 - t.LastWriteGap < t.ReadyCycles)
            throw new InvalidOperationException($"the compact step of {c} writes its last logit {shortest + 1 - t.LastWriteGap} cycles after its start, before the sampler's {t.ReadyCycles} ready cycles");
        files.AddText(RtlDesign.ManifestFile, string.Join('\n', sources) + "\n");
        files.AddText("schedule.txt", schedule.Describe(0));
        return new RtlDesign(files, sources, schedule, options.Lanes, RtlGenerator.Top, CoreArch.Compact);
    }
}
