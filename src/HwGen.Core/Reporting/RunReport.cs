namespace HwGen.Reporting;

/// <summary>One labelled value for a bar chart.</summary>
/// <param name="Label">The text left of the bar.</param>
/// <param name="Value">The bar's length, in the chart's unit.</param>
/// <param name="Text">The value as written right of the bar.</param>
public sealed record BarDatum(string Label, double Value, string Text);

/// <summary>Per-tensor quantization figures.</summary>
/// <param name="Name">The tensor, e.g. "layer0.attn_wq".</param>
/// <param name="Format">Its format, e.g. "Q2.14".</param>
/// <param name="MaxAbs">The largest |w| of the float weights.</param>
/// <param name="SnrDb">Signal-to-quantization-noise ratio in dB; null when quantization is exact.</param>
/// <param name="Clipped">Weights outside the format, saturated.</param>
public sealed record TensorRow(string Name, string Format, double MaxAbs, double? SnrDb, int Clipped);

/// <summary>Per-site activation figures.</summary>
/// <param name="Name">The site, e.g. "logits".</param>
/// <param name="Format">Its format.</param>
/// <param name="CalibratedMax">The largest |value| calibration saw there; null when not calibrated.</param>
/// <param name="FormatMax">The largest value the site's format holds.</param>
/// <param name="Saturations">The golden model's saturation events there over the run's samples.</param>
public sealed record SiteRow(string Name, string Format, double? CalibratedMax, double FormatMax, long Saturations);

/// <summary>The fixed-point model's logit error against the float model.</summary>
/// <param name="Basis">What was compared, in words.</param>
/// <param name="Cases">Sequences run.</param>
/// <param name="Positions">Logit rows compared.</param>
/// <param name="MaxAbsLogitError">Largest |fixed - float| over every logit.</param>
/// <param name="MeanAbsLogitError">Mean |fixed - float| over every logit.</param>
/// <param name="Top1Agreement">Fraction of rows whose argmax agrees.</param>
/// <param name="Top1Agreeing">Rows whose argmax agrees.</param>
public sealed record QuantizationError(string Basis, int Cases, int Positions, double MaxAbsLogitError, double MeanAbsLogitError, double Top1Agreement, int Top1Agreeing);

/// <summary>The verification verdict.</summary>
/// <param name="Passed">True when every token and logit code agree.</param>
/// <param name="Samples">Samples compared.</param>
/// <param name="Tokens">Tokens the golden model emitted.</param>
/// <param name="LogitsCompared">Logit codes compared with equality.</param>
/// <param name="Mismatches">Values that differ.</param>
/// <param name="FirstDivergence">The first difference, in words; null when all agree.</param>
/// <param name="CycleCountsCompared">Cycle counts (every stage of every step, every token and done cycle) the cycle model was checked on.</param>
/// <param name="CycleMismatches">Cycle counts the cycle model got wrong.</param>
/// <param name="FirstCycleMismatch">The first of them, in words; null when none.</param>
public sealed record VerdictRow(bool Passed, int Samples, int Tokens, long LogitsCompared, long Mismatches, string? FirstDivergence,
    long CycleCountsCompared = 0, long CycleMismatches = 0, string? FirstCycleMismatch = null);

/// <summary>A resource used against the device total, as a synth report gives it.</summary>
/// <param name="Name">The resource, e.g. "LC".</param>
/// <param name="Used">How many the design uses.</param>
/// <param name="Available">How many the device has.</param>
/// <param name="Source">"nextpnr" (placed design) or "yosys" (synthesised netlist).</param>
public sealed record ResourceRow(string Name, int Used, int Available, string Source);

/// <summary>A throughput row.</summary>
/// <param name="Design">The design and where it runs.</param>
/// <param name="CyclesPerToken">Mean clock cycles per generated token.</param>
/// <param name="FmaxMhz">The clock the tokens/s assume; null when unknown.</param>
/// <param name="TokensPerSecond">FmaxMhz / CyclesPerToken; null when unknown.</param>
/// <param name="Reference">True for published figures of another design.</param>
/// <param name="Note">Where the figures come from.</param>
public sealed record ThroughputRow(string Design, double CyclesPerToken, double? FmaxMhz, double? TokensPerSecond, bool Reference, string Note);

/// <summary>Everything the HTML report shows for one run; report.json is its JSON form.</summary>
/// <param name="ModelName">The model file's name.</param>
/// <param name="ConfigText">The model shape in words.</param>
/// <param name="Parameters">Weights in the model.</param>
/// <param name="FileHash">The model file's SHA-256.</param>
/// <param name="Lanes">MAC lanes of the design.</param>
/// <param name="FormatRule">"auto" or the format used everywhere.</param>
/// <param name="Tensors">Every weight tensor.</param>
/// <param name="Sites">Every activation site.</param>
/// <param name="QuantError">Fixed-point vs float logit error; null when not measured.</param>
/// <param name="Verdict">The verification verdict; null when not run.</param>
/// <param name="CyclesPerToken">Simulated mean cycles per generated token.</param>
/// <param name="StageCycles">Mean cycles per decode step of each stage of the schedule, in order.</param>
/// <param name="StageBasis">What the stage means are taken over, in words.</param>
/// <param name="Throughput">This design's rows, then the published reference row.</param>
/// <param name="Board">The board of the synth report, or null without one.</param>
/// <param name="Device">The device of the synth report, or null without one.</param>
/// <param name="ResourcesEstimated">True when the resources are yosys estimates for a vendor flow.</param>
/// <param name="Resources">Resources used against the device.</param>
/// <param name="Names">The names the hardware generated.</param>
/// <param name="Notes">What a reader should know (timing missed, estimates, vendor tools to run).</param>
/// <param name="BoardError">Why the board build failed (e.g. the design does not fit); null when it succeeded or did not run.</param>
public sealed record RunReport(
    string ModelName,
    string ConfigText,
    int Parameters,
    string FileHash,
    int Lanes,
    string FormatRule,
    IReadOnlyList<TensorRow> Tensors,
    IReadOnlyList<SiteRow> Sites,
    QuantizationError? QuantError,
    VerdictRow? Verdict,
    double CyclesPerToken,
    IReadOnlyList<BarDatum> StageCycles,
    string StageBasis,
    IReadOnlyList<ThroughputRow> Throughput,
    string? Board,
    string? Device,
    bool ResourcesEstimated,
    IReadOnlyList<ResourceRow> Resources,
    IReadOnlyList<string> Names,
    IReadOnlyList<string> Notes,
    string? BoardError = null)
{
    /// <summary>The page's file name in the output folder.</summary>
    public const string HtmlFile = "report.html";

    /// <summary>The JSON form's file name in the output folder.</summary>
    public const string JsonFile = "report.json";

    /// <summary>TALOS-V2 published figures (Cyclone V, 25,851 ALMs, 38 DSPs).</summary>
    public static ThroughputRow TalosV2 { get; } =
        new("TALOS-V2 (published, Cyclone V)", 1000, 56.25, 53000, true, "25,851 ALMs, 38 DSPs");
}
