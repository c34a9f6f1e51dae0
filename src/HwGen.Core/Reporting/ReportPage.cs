using System.Globalization;

namespace HwGen.Reporting;

/// <summary>Builds the self-contained XHTML report page (inline CSS and SVG, no external assets).</summary>
public static class ReportPage
{
    private const string Css =
        "body{font-family:sans-serif;margin:24px;max-width:1100px;color:#222}" +
        "table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}" +
        "th{background:#eee}td:first-child,th:first-child{text-align:left}tr.ref{font-style:italic;color:#555}" +
        ".bar{fill:#3a7bd5}.label,.value{font-size:12px}.ok{color:#080}.bad{color:#b00}";

    private static string N(double v, string f = "0.##") => v.ToString(f, CultureInfo.InvariantCulture);

    /// <summary>Renders <paramref name="r"/> as an XHTML document.</summary>
    public static string Render(RunReport r)
    {
        var w = new HtmlWriter();
        w.Raw("<!DOCTYPE html>\n");
        w.Open("html", "xmlns", "http://www.w3.org/1999/xhtml", "lang", "en");
        w.Open("head").Raw("<meta charset=\"utf-8\"/>").Element("title", "HwGen report: " + r.ModelName)
            .Element("style", Css).Close("head");
        w.Open("body").Element("h1", "HwGen report: " + r.ModelName);

        w.Element("h2", "Model");
        Table(w, ["Field", "Value"], [
            ["Config", r.ConfigText], ["Parameters", r.Parameters.ToString("N0", CultureInfo.InvariantCulture)], ["File SHA-256", r.FileHash]]);

        w.Element("h2", "Formats and quantization errors");
        Table(w, ["Tensor", "Format", "max |w|", "SNR dB", "Clipped"],
            r.Tensors.Select(t => new[] { t.Name, t.Format, N(t.MaxAbs, "0.####"), N(t.SnrDb, "0.0"), t.Clipped.ToString(CultureInfo.InvariantCulture) }));
        Table(w, ["Site", "Format", "Calibrated max", "Saturations"],
            r.Sites.Select(s => new[] { s.Name, s.Format, N(s.CalibratedMax, "0.####"), s.Saturations.ToString(CultureInfo.InvariantCulture) }));

        w.Element("h2", "Verification");
        if (r.Verdict is { } v)
            w.Element("p", $"{(v.Mismatches == 0 ? "Bit-exact" : "MISMATCH")}: {v.Samples} samples, {v.Tokens} tokens, {v.Mismatches} mismatches",
                "class", v.Mismatches == 0 ? "ok" : "bad");
        else w.Element("p", "Not run.");

        w.Element("h2", "Cycles per token by stage");
        BarChart.Write(w, "Cycles per stage", r.StageCycles);

        w.Element("h2", "Throughput");
        w.Open("table").Open("tr");
        foreach (var h in new[] { "Design", "Cycles/token", "Fmax MHz", "Tokens/s", "Note" }) w.Element("th", h);
        w.Close("tr");
        foreach (var t in r.Throughput)
        {
            w.Open("tr", "class", t.Reference ? "ref" : "run");
            w.Element("td", t.Design).Element("td", N(t.CyclesPerToken, "0.#"))
             .Element("td", t.FmaxMhz is { } f ? N(f) : "unknown")
             .Element("td", t.TokensPerSecond is { } s ? N(s, "N0") : "unknown").Element("td", t.Note);
            w.Close("tr");
        }
        w.Close("table");

        w.Element("h2", "Resources" + (r.Device is null ? "" : " on " + r.Device));
        if (r.Resources.Count == 0) w.Element("p", "No synth report given (--synth FILE).");
        else BarChart.Write(w, "Resource use (% of device)",
            r.Resources.Select(x => new BarDatum(x.Name, x.Available == 0 ? 0 : 100.0 * x.Used / x.Available,
                $"{x.Used} / {x.Available}")).ToList(), 100);

        w.Close("body").Close("html");
        return w.ToString();
    }

    private static void Table(HtmlWriter w, string[] head, IEnumerable<string[]> rows)
    {
        w.Open("table").Open("tr");
        foreach (var h in head) w.Element("th", h);
        w.Close("tr");
        foreach (var row in rows)
        {
            w.Open("tr");
            foreach (var c in row) w.Element("td", c);
            w.Close("tr");
        }
        w.Close("table");
    }
}
