using HwGen.Model;

namespace HwGen.Simulation;

/// <summary>
/// A generated design to simulate: its folder (the simulation runs there, as <c>$readmemh</c>
/// paths are relative to it), its SystemVerilog sources in dependency order, the top module and
/// the model shape it was generated for.
/// </summary>
/// <param name="Directory">The design folder.</param>
/// <param name="Sources">The sources, relative to <paramref name="Directory"/> or absolute, in dependency order.</param>
/// <param name="TopModule">The top module (<c>hwgen_core</c>).</param>
/// <param name="Config">The model shape: vocabulary and block size, for the harness and the parser.</param>
/// <param name="Origin">What the design was generated from (a model hash), for the harness's "generated" line.</param>
/// <param name="ExtraFlags">More Verilator flags for this design (e.g. parameter overrides); part of the build's cache key.</param>
public sealed record DesignSources(
    string Directory,
    IReadOnlyList<string> Sources,
    string TopModule,
    ModelConfig Config,
    string Origin,
    IReadOnlyList<string>? ExtraFlags = null)
{
    /// <summary>The sources as absolute paths.</summary>
    public IReadOnlyList<string> SourcePaths => Sources.Select(s => Path.GetFullPath(Path.Combine(Directory, s))).ToArray();
}
