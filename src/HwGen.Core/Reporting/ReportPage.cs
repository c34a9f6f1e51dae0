using System.Globalization;

namespace HwGen.Reporting;

/// <summary>Builds the self-contained XHTML report page (inline CSS and SVG, no external assets).</summary>
public static class ReportPage
{
    private const string Css =
        "body{font-family:sans-serif;margin:24px;max-width:1100px;color:#222;line-height:1.35}" +
        "h2{margin-top:28px;border-bottom:1px solid #ddd;padding-bottom:2px}" +
        "table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}" +
        "th{background:#eee}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}tr.ref{font-style:italic;color:#555}" +
        "table.key td{font-size:18px;padding:6px 14px}table.key th{padding:6px 14px;white-space:nowrap}td.fail{color:#b00;font-size:15px}" +
        "td.mono{font-family:monospace;text-align:left}p.note{color:#555;max-width:900px}" +
        ".bar{fill:#3a7bd5}.bar.over{fill:#c0392b}.label,.value,.tick{font-size:13px;fill:#222}.value,.label{paint-order:stroke;stroke:#fff;stroke-width:4px;stroke-linejoin:round}.unit{font-size:13px;fill:#555}" +
        ".axis{stroke:#444;stroke-width:1}.grid{stroke:#ccc;stroke-width:1;stroke-dasharray:3,3}" +
        ".ok{color:#080;font-weight:bold}.bad{color:#b00;font-weight:bold}ul.names{columns:5;max-width:700px}";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static string N(double v, string f = "0.##") => v.ToString(f, Inv);

    /// <summary>Renders <paramref name="r"/> as an XHTML document.</summary>
    public static string Render(RunReport r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var w = new HtmlWriter();
        w.Raw("<!DOCTYPE html>\n");
        w.Open("html", "xmlns", "http://www.w3.org/1999/xhtml", "lang", "en");
        w.Open("head").Raw("<meta charset=\"utf-8\"/>").Element("title", "HwGen report: " + r.ModelName)
            .Element("style", Css).Close("head");
        w.Open("body").Element("h1", "HwGen report: " + r.ModelName);
        Summary(w, r);
        if (r.Notes.Count > 0)
        {
            w.Element("h2", "Notes");
            w.Open("ul");
            foreach (var n in r.Notes) w.Element("li", n);
            w.Close("ul");
        }

        w.Element("h2", "Model");
        Table(w, ["Field", "Value"], [
            ["File", r.ModelName], ["Shape", r.ConfigText], ["Parameters", r.Parameters.ToString("N0", Inv)],
            ["File SHA-256", r.FileHash], ["MAC lanes", r.Lanes.ToString(Inv)], ["Fixed-point formats", r.FormatRule]], []);

        Verification(w, r);

        w.Element("h2", "Cycles per token, by stage");
        BarChart.Write(w, "Mean cycles per generated token, by stage", r.StageCycles, "clock cycles per generated token (mean)");
        w.Element("p", r.StageBasis, "class", "note");

        Throughput(w, r);
        Resources(w, r);
        Numerics(w, r);
        w.Close("body").Close("html");
        return w.ToString();
    }

    private static void Summary(HtmlWriter w, RunReport r)
    {
        var rows = new List<string[]>();
        if (r.Verdict is { } v)
            rows.Add(["Verification", v.Passed ? "PASS: bit-exact against the golden model" : "FAIL: the hardware differs from the golden model"]);
        rows.Add(["Cycles per token", $"{N(r.CyclesPerToken, "N1")} (simulated mean, {Lanes(r.Lanes)})"]);
        if (r.BoardError is not null)
            rows.Add(["Board build", r.BoardError]);
        if (r.Throughput.FirstOrDefault(t => !t.Reference && t.TokensPerSecond is not null) is { } t)
            rows.Add(["Tokens per second", $"{N(t.TokensPerSecond!.Value, "N0")} on the {r.Board}, {t.Note}"]);
        else
            rows.Add(["Tokens per second", r.BoardError is null ? "unknown: no synthesis in this run (give --target or --synth)" : "unknown: the board build failed"]);
        if (r.QuantError is { } q)
            rows.Add(["Quantization", $"max |logit error| {N(q.MaxAbsLogitError, "0.0000")}, top-1 agreement {N(100 * q.Top1Agreement, "0.0")}% vs the float model"]);
        w.Open("table", "class", "key");
        foreach (var row in rows)
        {
            w.Open("tr").Element("th", row[0]);
            if (row[0] == "Verification") w.Element("td", row[1], "class", r.Verdict!.Passed ? "ok" : "bad");
            else if (row[0] == "Board build") w.Element("td", row[1], "class", "fail");
            else w.Element("td", row[1]);
            w.Close("tr");
        }
        w.Close("table");
    }

    /// <summary>"1 lane" or "4 lanes".</summary>
    internal static string Lanes(int lanes) => lanes == 1 ? "1 lane" : $"{lanes} lanes";

    private static void Numerics(HtmlWriter w, RunReport r)
    {
        w.Element("h2", "Numerics");
        if (r.QuantError is { } q)
        {
            w.Element("h3", "Quantization error");
            Table(w, ["Measure", "Value"], [
                ["Compared", q.Basis],
                ["Positions", q.Positions.ToString("N0", Inv)],
                ["Max |logit error|", N(q.MaxAbsLogitError, "0.0000")],
                ["Mean |logit error|", N(q.MeanAbsLogitError, "0.000000")],
                ["Top-1 agreement", $"{q.Top1Agreeing:N0} / {q.Positions:N0} ({N(100 * q.Top1Agreement, "0.0")}%)"]], []);
        }
        w.Element("h3", "Weight tensors");
        Table(w, ["Tensor", "Format", "max |w|", "SNR (dB)", "Clipped weights"],
            r.Tensors.Select(t => new[] { t.Name, t.Format, N(t.MaxAbs, "0.0000"), t.SnrDb is { } s ? N(s, "0.0") : "exact", t.Clipped.ToString(Inv) }), [2, 3, 4]);
        w.Element("h3", "Activation sites");
        Table(w, ["Site", "Format", "Format max |x|", "Calibrated max |x|", "Saturation events"],
            r.Sites.Select(s => new[] { s.Name, s.Format, N(s.FormatMax, "0.0000"), s.CalibratedMax is { } c ? N(c, "0.0000") : "not calibrated", s.Saturations.ToString("N0", Inv) }), [2, 3, 4]);
        w.Element("p", "Saturation events: Requantize results the golden model clamped at each site while generating this run's samples.", "class", "note");
    }

    private static void Verification(HtmlWriter w, RunReport r)
    {
        w.Element("h2", "Verification");
        if (r.Verdict is not { } v)
        {
            w.Element("p", "Not run.");
            return;
        }
        w.Element("p", v.Passed
                ? $"PASS: the simulated hardware equals the golden model bit for bit: {v.Samples} samples, {v.Tokens:N0} tokens, {v.LogitsCompared:N0} logit codes compared, 0 mismatches."
                : $"FAIL: {v.Mismatches:N0} mismatches over {v.Samples} samples ({v.LogitsCompared:N0} logit codes compared); first: {v.FirstDivergence}.",
            "class", v.Passed ? "ok" : "bad");
        if (v.CycleCountsCompared > 0)
        {
            w.Element("p", v.CycleMismatches == 0
                    ? $"Cycle model: exact. {v.CycleCountsCompared:N0} cycle counts compared (every stage of every step, every token and done cycle), 0 differ."
                    : $"Cycle model: {v.CycleMismatches:N0} of {v.CycleCountsCompared:N0} cycle counts differ; first: {v.FirstCycleMismatch}.",
                "class", v.CycleMismatches == 0 ? "ok" : "bad");
        }
        if (r.Names.Count > 0)
        {
            w.Element("p", "Names the hardware generated:");
            w.Open("ul", "class", "names");
            foreach (var n in r.Names) w.Element("li", n.Length == 0 ? "(empty)" : n);
            w.Close("ul");
        }
    }

    private static void Throughput(HtmlWriter w, RunReport r)
    {
        w.Element("h2", "Throughput");
        w.Open("table").Open("tr");
        w.Element("th", "Design").Element("th", "Cycles/token", "class", "num").Element("th", "Clock (MHz)", "class", "num")
         .Element("th", "Tokens/s", "class", "num").Element("th", "Where the figures come from");
        w.Close("tr");
        foreach (var t in r.Throughput)
        {
            w.Open("tr", "class", t.Reference ? "ref" : "run");
            w.Element("td", t.Design).Element("td", N(t.CyclesPerToken, "N1"), "class", "num")
             .Element("td", t.FmaxMhz is { } f ? N(f) : "–", "class", "num")
             .Element("td", t.TokensPerSecond is { } s ? N(s, "N0") : "–", "class", "num").Element("td", t.Note);
            w.Close("tr");
        }
        w.Close("table");
        var known = r.Throughput.Where(t => t.TokensPerSecond is not null).ToList();
        if (known.Any(t => !t.Reference))
        {
            BarChart.Write(w, "Tokens per second", known.Select(t => new BarDatum(t.Design, t.TokensPerSecond!.Value,
                $"{N(t.TokensPerSecond!.Value, "N0")} tokens/s")).ToList(), "generated tokens per second");
        }
    }

    private static void Resources(HtmlWriter w, RunReport r)
    {
        w.Element("h2", "Resources" + (r.Device is null ? "" : $" on the {r.Device} ({r.Board})") + (r.ResourcesEstimated ? ", yosys estimate" : ""));
        if (r.Resources.Count == 0)
        {
            w.Element("p", r.BoardError is null
                ? "No synthesis in this run: give --target T to build for a board, or --synth DIR with a hwgen synth output."
                : "None counted: the board build failed (see above).");
            return;
        }
        if (r.BoardError is not null)
            w.Element("p", "The board build stopped after synthesis: these are yosys's counts of the netlist, which does not fit the device.", "class", "bad");
        BarChart.Write(w, "Resource use", r.Resources.Select(x => new BarDatum(x.Name,
            x.Available == 0 ? 0 : 100.0 * x.Used / x.Available,
            x.Available == 0 ? $"{x.Used:N0} (device has none)" : $"{x.Used:N0} / {x.Available:N0} ({N(100.0 * x.Used / x.Available, "0.0")}%)")).ToList(),
            "% of the device (bars past 100% are red: over capacity)", 100);
        Table(w, ["Resource", "Used", "Available", "Counted by"],
            r.Resources.Select(x => new[] { x.Name, x.Used.ToString("N0", Inv), x.Available.ToString("N0", Inv), x.Source }), [1, 2]);
    }

    private static void Table(HtmlWriter w, string[] head, IEnumerable<string[]> rows, int[] numeric)
    {
        w.Open("table").Open("tr");
        for (var i = 0; i < head.Length; i++)
            Cell(w, "th", head[i], numeric.Contains(i));
        w.Close("tr");
        foreach (var row in rows)
        {
            w.Open("tr");
            for (var i = 0; i < row.Length; i++)
                Cell(w, "td", row[i], numeric.Contains(i));
            w.Close("tr");
        }
        w.Close("table");
    }

    private static void Cell(HtmlWriter w, string tag, string text, bool numeric)
    {
        if (numeric) w.Element(tag, text, "class", "num");
        else w.Element(tag, text);
    }
}
