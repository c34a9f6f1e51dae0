using System.Text.Json;
using HwGen.Fpga;

namespace HwGen.Exploration;

/// <summary>The result of <c>hwgen explore</c>: the settings, every point in the order given, and the published reference.</summary>
/// <param name="Model">The model file's name.</param>
/// <param name="ModelSha256">The model file's SHA-256.</param>
/// <param name="Config">The model shape.</param>
/// <param name="Arch">The core's architecture at every point ("fast" or "compact").</param>
/// <param name="Target">The --target name; null without a resource estimate.</param>
/// <param name="Board">The board.</param>
/// <param name="Device">The device part.</param>
/// <param name="LogicResource">The target's logic unit ("LC", "LUT", "ALUT"), the Pareto front's resource axis.</param>
/// <param name="Samples">Throughput samples simulated per point.</param>
/// <param name="VerifySamples">Mixed samples verified per point.</param>
/// <param name="Seed">The run seed.</param>
/// <param name="Temperature">The throughput samples' temperature.</param>
/// <param name="Jobs">Points evaluated at the same time.</param>
/// <param name="Points">Every point, in the order of --lanes.</param>
/// <param name="Reference">The published reference row.</param>
/// <param name="FromCache">The lanes whose results came from the cache.</param>
/// <param name="Seconds">Wall-clock seconds of the whole exploration.</param>
/// <param name="KeptWork">The work folder, kept when a point failed or lacks its estimate; null when removed.</param>
public sealed record ExplorationReport(
    string Model,
    string ModelSha256,
    string Config,
    string Arch,
    string? Target,
    string? Board,
    string? Device,
    string? LogicResource,
    int Samples,
    int VerifySamples,
    int Seed,
    double Temperature,
    int Jobs,
    IReadOnlyList<PointResult> Points,
    PublishedReference Reference,
    IReadOnlyList<int> FromCache,
    double Seconds,
    string? KeptWork)
{
    /// <summary>True when every point was verified and measured.</summary>
    public bool Passed => Points.All(p => p.Passed);

    /// <summary>True when every point passed and has the resource estimate asked for.</summary>
    public bool Complete => Passed && Points.All(p => p.ResourceFailure is null);

    /// <summary>The report as one indented JSON object (snake_case), as <c>--json</c> prints it and explore.json holds it.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, ReportJson.Options);
}
