namespace HwGen.Reporting;

/// <summary>One labelled value for a bar chart or table row.</summary>
public sealed record BarDatum(string Label, double Value, string Text);

/// <summary>Per-tensor quantization figures.</summary>
public sealed record TensorRow(string Name, string Format, double MaxAbs, double SnrDb, int Clipped);

/// <summary>Per-site activation figures.</summary>
public sealed record SiteRow(string Name, string Format, double CalibratedMax, long Saturations);

/// <summary>Verification verdict.</summary>
public sealed record VerdictRow(int Samples, int Tokens, int Mismatches);

/// <summary>A resource used against the device total (fields read from a synth report.json).</summary>
public sealed record ResourceRow(string Name, int Used, int Available);

/// <summary>A throughput row; Reference marks published figures.</summary>
public sealed record ThroughputRow(string Design, double CyclesPerToken, double? FmaxMhz, double? TokensPerSecond, bool Reference, string Note);

/// <summary>Everything the HTML report shows for one run.</summary>
public sealed record RunReport(
    string ModelName,
    string ConfigText,
    int Parameters,
    string FileHash,
    IReadOnlyList<TensorRow> Tensors,
    IReadOnlyList<SiteRow> Sites,
    VerdictRow? Verdict,
    IReadOnlyList<BarDatum> StageCycles,
    IReadOnlyList<ThroughputRow> Throughput,
    string? Device,
    IReadOnlyList<ResourceRow> Resources)
{
    /// <summary>TALOS-V2 published figures (Cyclone V, 25,851 ALMs, 38 DSPs).</summary>
    public static ThroughputRow TalosV2 { get; } =
        new("TALOS-V2 (published, Cyclone V)", 1000, 56.25, 53000, true, "25,851 ALMs, 38 DSPs");
}
