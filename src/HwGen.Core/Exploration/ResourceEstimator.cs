using HwGen.Fpga;
using HwGen.Model;
using HwGen.Rendering;
using HwGen.Rtl;
using HwGen.Tools;

namespace HwGen.Exploration;

/// <summary>
/// Estimates a point's resources as <c>hwgen synth</c> builds it: the core with the board wrapper at
/// the board clock, synthesised by yosys with the target family's command. iCE40: when the netlist
/// fits the device, nextpnr-ice40 places and routes it for its Fmax (and its placed counts); vendor
/// targets: yosys' counts are an estimate and there is no Fmax.
/// </summary>
public sealed class ResourceEstimator
{
    private readonly YosysDriver _yosys;
    private readonly Lazy<NextpnrDriver> _nextpnr;

    /// <param name="yosys">yosys.</param>
    /// <param name="nextpnr">Finds nextpnr-ice40, asked for only when an iCE40 design fits.</param>
    public ResourceEstimator(YosysDriver yosys, Func<NextpnrDriver> nextpnr)
    {
        _yosys = yosys;
        _nextpnr = new Lazy<NextpnrDriver>(nextpnr);
    }

    /// <summary>yosys, and nextpnr-ice40 when needed (their HWGEN_* variables, then PATH), each run stopped after <paramref name="timeout"/> (their defaults when null).</summary>
    public static ResourceEstimator Create(ToolLocator? locator = null, TimeSpan? timeout = null) =>
        new(YosysDriver.Create(timeout, locator), () => NextpnrDriver.Create(timeout, locator));

    /// <summary>The version lines of the tools an estimate for <paramref name="target"/> uses (part of the cache key).</summary>
    public IEnumerable<string> ToolVersions(FpgaTarget target)
    {
        yield return $"yosys {_yosys.Yosys.VersionText}";
        if (target.Flow == FpgaFlowKind.IceStorm)
            yield return $"nextpnr-ice40 {_nextpnr.Value.Nextpnr.VersionText}";
    }

    /// <summary>Synthesises (and on iCE40 places) <paramref name="rtl"/> for <paramref name="target"/> in <paramref name="directory"/>.</summary>
    /// <exception cref="HwGenException">A tool failed (the message names its log).</exception>
    public PointResources Estimate(RtlDesign rtl, ModelConfig config, string origin, FpgaTarget target, string directory,
        CancellationToken cancellation = default)
    {
        var core = CoreDesign.FromRtl(rtl, config, origin);
        var board = BoardWrapper.Generate(core, target, ClockPlan.For(target, rtl.Arch, null), UartSettings.DefaultBaud, SampleLoop.Default);
        board.AddTo(new BuildPlan(origin)).WriteAtomically(directory);
        var ice40 = target.Flow == FpgaFlowKind.IceStorm;
        var synthesis = YosysSynthesis.Run(_yosys, board, directory, "estimate", writeNetlist: ice40, cancellation);
        var resources = synthesis.Resources;
        var fits = resources.All(r => r.Used <= r.Available);
        if (!ice40)
            return new PointResources(target.Name, target.Device, true, resources, fits, null, synthesis.Weights.Placement,
                "yosys estimate; no place and route for this target, so no Fmax");
        if (!fits)
            return new PointResources(target.Name, target.Device, true, resources, false, null, synthesis.Weights.Placement,
                "does not fit the device, so nextpnr did not run");

        var (device, package) = Ice40Flow.DeviceOf(target);
        var spec = new NextpnrIce40Spec(synthesis.Netlist!, Path.Combine(directory, board.Constraints.Path),
            Path.Combine(directory, BoardDesign.TopModule + ".asc"), device, package, board.Clock.ClockMHz, null, AllowTimingFailure: true);
        var pnr = _nextpnr.Value.PlaceAndRoute(spec, Path.Combine(directory, "pnr.log"), cancellation);
        var placed = target.Resources.Select(r =>
            r.NextpnrName is { } name && pnr.Report.Utilisation.TryGetValue(name, out var use)
                ? new ResourceUse(r.Name, use.Used, use.Available, "nextpnr")
                : resources.First(u => u.Name == r.Name)).ToList();
        var fmax = pnr.Report.MaxFrequencyMHz;
        return new PointResources(target.Name, target.Device, false, placed, true, fmax, synthesis.Weights.Placement,
            fmax is null ? "nextpnr reported no clock" : null);
    }
}
