namespace HwGen.Rtl;

/// <summary>
/// A generated design in memory: its build plan (files by path, stamped (SystemVerilog, ROM images, manifest,
/// schedule), the source files in dependency order, the schedule it implements, its lanes and architecture.
/// </summary>
public sealed record RtlDesign(HwGen.Rendering.BuildPlan Files, IReadOnlyList<string> Sources, RtlSchedule Schedule, int Lanes, string Top, CoreArch Arch = CoreArch.Fast)
{
    /// <summary>The name of the manifest file listing the sources in dependency order.</summary>
    public const string ManifestFile = "sources.f";
}
