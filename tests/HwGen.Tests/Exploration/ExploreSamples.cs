using HwGen.Exploration;
using HwGen.Fpga;

namespace HwGen.Tests.Exploration;

/// <summary>Hand-made exploration results for the tests of the table, page and cache.</summary>
internal static class ExploreSamples
{
    public static PointResources Ice40(int lc, double? fmax) => new("ice40-up5k", "iCE40UP5K-SG48", fmax is null,
        [new ResourceUse("LC", lc, 5280, fmax is null ? "yosys" : "nextpnr"), new ResourceUse("EBR", 4, 30, "nextpnr"), new ResourceUse("DSP", 2, 8, "nextpnr"), new ResourceUse("IO", 4, 39, "yosys")],
        lc <= 5280, fmax, "EBR", fmax is null ? "does not fit the device, so nextpnr did not run" : null);

    public static PointResult Point(int lanes, double cycles, PointResources? resources, bool pareto = false, bool cached = false)
    {
        var verify = new VerifySummary(20, 140, 3780, 0, null);
        double? perSecond = resources?.FmaxMhz is { } f ? f * 1e6 / cycles : null;
        return new PointResult(lanes, true, null, cycles, cycles, (long)cycles - 5, (long)cycles + 7, 700, true, verify, verify, resources,
            perSecond, perSecond / resources?.Logic.Used, pareto, cached, 12.5, $"key{lanes}");
    }

    public static ExplorationReport Report(string model = "talos<&>.safetensors") => new(
        model, "abc123", "n_embd 16, n_head 4", "fast", "ice40-up5k", "iCEBreaker", "iCE40UP5K-SG48", "LC", 200, 20, 42, 0.5, 2,
        [
            Point(1, 3889.4, Ice40(3000, 30.5), pareto: true, cached: true),
            Point(2, 2073.4, Ice40(4000, 28.25), pareto: true),
            PointResult.Failed(4, 1150, "verify: 2 mismatch(es) in 20 samples; first divergence: sample 3, step 1, logits[4]: expected 5, actual 6", "key4",
                new VerifySummary(20, 140, 3780, 2, "sample 3, step 1, logits[4]: expected 5, actual 6")),
            Point(8, 600.25, Ice40(9000, null)),
        ],
        PublishedReference.TalosV2, [1], 33.3, "/tmp/work");
}
