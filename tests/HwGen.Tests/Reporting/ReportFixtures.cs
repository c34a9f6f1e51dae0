using HwGen.Fpga;
using HwGen.Reporting;

namespace HwGen.Tests.Reporting;

/// <summary>Hand-written reports for the page and file tests.</summary>
internal static class ReportFixtures
{
    public static RunReport Report(string name = "m") => new(
        name, "n_embd 16, 4 heads", 4192, "abc123", 4, "auto",
        [new TensorRow("wte<&>", "Q2.14", 1.5, 60.1, 0), new TensorRow("wpe", "Q1.15", 0.5, null, 0)],
        [new SiteRow("attn_out", "Q4.12", 3.25, 7.99975586, 2), new SiteRow("logits", "Q5.11", null, 15.99951172, 0)],
        new QuantizationError("fixed vs float", 3, 17, 0.0012, 0.0003, 1.0, 17),
        new VerdictRow(true, 10, 57, 1539, 0, null),
        1165.4,
        [new BarDatum("embed", 5, "5"), new BarDatum("layer0.q", 48, "48"), new BarDatum("lm_head", 27, "27")],
        "mean over 17 steps",
        [new ThroughputRow("this run", 81, null, null, false, ""), RunReport.TalosV2],
        "iCEBreaker", "iCE40UP5K", false,
        [new ResourceRow("LC", 3000, 5280, "nextpnr"), new ResourceRow("DSP", 12, 8, "nextpnr"), new ResourceRow("SPRAM", 0, 4, "nextpnr")],
        ["anna", "bo"],
        ["a note"]);

    /// <summary>A synth report of <paramref name="lanes"/> lanes for a model whose hash starts with <paramref name="hash"/>.</summary>
    public static SynthReport Synth(int lanes, string hash, bool vendor = false) => new(
        vendor ? "arty-a7-35t" : "ice40-up5k", vendor ? "Arty A7-35T" : "iCEBreaker", vendor ? "XC7A35T" : "iCE40UP5K",
        $"talos-v2-microgpt.safetensors (sha256 {hash[..16]}), formats auto", lanes, vendor,
        new ClockReport(vendor ? 100 : 24, vendor ? 100 : 24, null), "115200 baud (divisor 104, +0.16%)",
        [new ResourceUse("LC", 4100, 5280, "nextpnr"), new ResourceUse("FF", 900, 5280, "nextpnr"), new ResourceUse("EBR", 31, 30, "nextpnr"), new ResourceUse("DSP", 8, 8, "nextpnr")],
        new WeightPlacement("EBR", 7, 28, 0, 0, 67072),
        vendor ? null : new TimingReport(27.5, 24, true),
        new CycleReport(20, 100, 1165.4, 1074, 1327), vendor ? null : 23597, 20594, "/tmp/x", ["hwgen_top.bin"], ["a synth note"]);
}
