namespace HwGen.Simulation;

/// <summary>The values <c>sim/harness.cpp.hbs</c> substitutes; every one computed here, none in the template.</summary>
/// <param name="Banner">The "generated, do not edit" line.</param>
/// <param name="TopModule">The design's top module.</param>
/// <param name="TopClass">The C++ class Verilator makes of it (<c>V</c> + the module name).</param>
/// <param name="VocabSize">Logit codes per step; prompt tokens must be below it.</param>
/// <param name="BlockSize">The context length; bounds max_len and the prompt length.</param>
/// <param name="DefaultMaxCycles">The cycle watchdog per sample when <c>--max-cycles</c> is not given.</param>
/// <param name="FirstPhase">The first <c>dbg_stage_o</c> code of the core's phases; codes below it are program instructions.</param>
public sealed record HarnessViewModel(string Banner, string TopModule, string TopClass, int VocabSize, int BlockSize, long DefaultMaxCycles, int FirstPhase)
{
    /// <summary>The template, in the shipped <c>sim/</c> folder.</summary>
    public const string TemplateName = "harness.cpp.hbs";

    /// <summary>The view model of <paramref name="design"/>'s harness.</summary>
    public static HarnessViewModel For(DesignSources design, string banner) =>
        new(banner, design.TopModule, "V" + design.TopModule, design.Config.VocabSize, design.Config.BlockSize, SimulationOptions.DefaultMaxCycles, Rtl.CoreStage.FirstPhase);
}
