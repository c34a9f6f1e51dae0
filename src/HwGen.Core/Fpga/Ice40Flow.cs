using HwGen.Tools;

namespace HwGen.Fpga;

/// <summary>
/// Builds an iCE40 bitstream of a board design in the folder it was written to: yosys
/// (<c>synth_ice40 -dsp</c>), a check that the netlist fits the device, nextpnr-ice40 at the core
/// clock with the board's PCF (finishing even when timing fails, so that the report says by how
/// much), and icepack. With several placer seeds the placements run side by side and the one with
/// the highest Fmax is packed: at a nearly full device, Fmax varies by a few MHz from one
/// placement to the next.
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

    /// <summary>
    /// Builds <paramref name="design"/>, whose files are in <paramref name="directory"/>; every output and log goes there too.
    /// <paramref name="placerSeeds"/> 1 places once with nextpnr's default seed; N &gt; 1 places with seeds
    /// 1 to N (as many at a time as there are processors) and keeps the highest Fmax (the lowest seed on a tie)
    /// as hwgen_top.asc and pnr.log.
    /// </summary>
    /// <exception cref="HwGenException">The design does not fit the device, or a tool failed (the message names its log).</exception>
    public Ice40Build Run(BoardDesign design, string directory, int placerSeeds = 1, CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(placerSeeds, 1);
        var target = design.Target;
        var synthesis = YosysSynthesis.Run(_yosys, design, directory, "synth", writeNetlist: true, cancellation);
        RequireFit(target, synthesis);

        var (device, package) = DeviceOf(target);
        var asc = Path.Combine(directory, BoardDesign.TopModule + ".asc");
        var log = Path.Combine(directory, "pnr.log");
        NextpnrIce40Spec Spec(string output, int? seed) => new(synthesis.Netlist!, Path.Combine(directory, design.Constraints.Path), output, device, package,
            design.Clock.ClockMHz, seed, AllowTimingFailure: true);
        NextpnrResult pnr;
        IReadOnlyList<PlacerSeedResult> seeds = [];
        int? kept = null;
        if (placerSeeds == 1)
        {
            pnr = _nextpnr.PlaceAndRoute(Spec(asc, null), log, cancellation);
        }
        else
        {
            var runs = new NextpnrResult[placerSeeds];
            string Asc(int seed) => Path.Combine(directory, $"{BoardDesign.TopModule}.seed{seed}.asc");
            string Log(int seed) => Path.Combine(directory, $"pnr.seed{seed}.log");
            try
            {
                Parallel.For(1, placerSeeds + 1, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellation },
                    seed => runs[seed - 1] = _nextpnr.PlaceAndRoute(Spec(Asc(seed), seed), Log(seed), cancellation));
            }
            catch (AggregateException e) when (e.InnerExceptions.FirstOrDefault(x => x is HwGenException) is HwGenException first)
            {
                throw first; // the first failed placement's error names its log
            }
            seeds = runs.Select((r, i) => new PlacerSeedResult(i + 1, r.Report.MaxFrequencyMHz)).ToList();
            var best = seeds.MaxBy(s => s.FmaxMHz ?? double.MinValue)!.Seed; // MaxBy keeps the first of equals: the lowest seed
            for (var seed = 1; seed <= placerSeeds; seed++)
            {
                if (seed == best)
                {
                    File.Move(Asc(seed), asc, overwrite: true);
                    File.Move(Log(seed), log, overwrite: true);
                }
                else
                {
                    File.Delete(Asc(seed));
                    File.Delete(Log(seed));
                }
            }
            pnr = runs[best - 1] with { LogFile = log };
            kept = best;
        }
        var bin = _icepack.Pack(asc, Path.Combine(directory, BoardDesign.TopModule + ".bin"), Path.Combine(directory, "icepack.log"), cancellation);

        var resources = target.Resources.Select(r =>
        {
            var fromYosys = synthesis.Resources.First(u => u.Name == r.Name);
            if (r.NextpnrName is { } name && pnr.Report.Utilisation.TryGetValue(name, out var use))
                return new ResourceUse(r.Name, use.Used, use.Available, "nextpnr");
            return fromYosys;
        }).ToList();
        return new Ice40Build(synthesis, pnr, bin, resources) { PlacerSeeds = seeds, KeptSeed = kept };
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
