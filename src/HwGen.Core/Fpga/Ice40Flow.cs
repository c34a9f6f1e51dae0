using HwGen.Tools;

namespace HwGen.Fpga;

/// <summary>
/// Builds an iCE40 bitstream of a board design in the folder it was written to: yosys
/// (<c>synth_ice40 -dsp</c>), a check that the netlist fits the device, nextpnr-ice40 at the core
/// clock with the board's PCF (finishing even when timing fails, so that the report says by how
/// much), and icepack.
/// </summary>
public sealed class Ice40Flow
{
    private readonly YosysDriver _yosys;
    private readonly NextpnrDriver _nextpnr;
    private readonly IcepackDriver _icepack;

    public Ice40Flow(YosysDriver yosys, NextpnrDriver nextpnr, IcepackDriver icepack)
    {
        _yosys = yosys;
        _nextpnr = nextpnr;
        _icepack = icepack;
    }

    /// <summary>Finds yosys, nextpnr-ice40 and icepack (their HWGEN_* variables, then PATH).</summary>
    public static Ice40Flow Create(ToolLocator? locator = null) =>
        new(YosysDriver.Create(locator: locator), NextpnrDriver.Create(locator: locator), IcepackDriver.Create(locator));

    /// <summary>The nextpnr device option and package of <paramref name="target"/>.</summary>
    public static (string Device, string Package) DeviceOf(FpgaTarget target) => target.Device switch
    {
        "iCE40UP5K-SG48" => ("up5k", "sg48"),
        _ => throw new HwGenException($"{target.Name}: no nextpnr-ice40 device is known for {target.Device}."),
    };

    /// <summary>Builds <paramref name="design"/>, whose files are in <paramref name="directory"/>; every output and log goes there too.</summary>
    /// <exception cref="HwGenException">The design does not fit the device, or a tool failed (the message names its log).</exception>
    public Ice40Build Run(BoardDesign design, string directory, int? placerSeed = null, CancellationToken cancellation = default)
    {
        var target = design.Target;
        var synthesis = YosysSynthesis.Run(_yosys, design, directory, "synth", writeNetlist: true, cancellation);
        RequireFit(target, synthesis);

        var (device, package) = DeviceOf(target);
        var asc = Path.Combine(directory, BoardDesign.TopModule + ".asc");
        var spec = new NextpnrIce40Spec(synthesis.Netlist!, Path.Combine(directory, design.Constraints.Path), asc, device, package,
            design.Clock.ClockMHz, placerSeed, AllowTimingFailure: true);
        var pnr = _nextpnr.PlaceAndRoute(spec, Path.Combine(directory, "pnr.log"), cancellation);
        var bin = _icepack.Pack(asc, Path.Combine(directory, BoardDesign.TopModule + ".bin"), Path.Combine(directory, "icepack.log"), cancellation);

        var resources = target.Resources.Select(r =>
        {
            var fromYosys = synthesis.Resources.First(u => u.Name == r.Name);
            if (r.NextpnrName is { } name && pnr.Report.Utilisation.TryGetValue(name, out var use))
                return new ResourceUse(r.Name, use.Used, use.Available, "nextpnr");
            return fromYosys;
        }).ToList();
        return new Ice40Build(synthesis, pnr, bin, resources);
    }

    /// <summary>Fails before place and route when the netlist needs more of a resource than the device has.</summary>
    /// <exception cref="HwGenException">Names every resource over the device's total.</exception>
    public static void RequireFit(FpgaTarget target, YosysSynthesisResult synthesis)
    {
        var over = synthesis.Resources.Where(r => r.Used > r.Available).ToList();
        if (over.Count == 0)
            return;
        var list = string.Join(", ", over.Select(r => $"{r.Name} {r.Used} of {r.Available}"));
        throw new DesignDoesNotFitException(
            $"The design does not fit the {target.Device}: yosys maps it to {list}. " +
            $"Use fewer --lanes or a smaller model, or a larger target. Synthesis log: {synthesis.Yosys.LogFile}",
            synthesis.Resources);
    }
}
