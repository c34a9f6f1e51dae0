using System.Globalization;
using HwGen.Reporting;

namespace HwGen.Exploration;

/// <summary>
/// The exploration as one self-contained XHTML page in the style of <see cref="ReportPage"/>: the
/// settings, the table (Pareto front marked, published reference row), and inline SVG bar charts
/// of cycles per token, resources and tokens/s by lanes.
/// </summary>
public static class ExplorePage
{
    private const string Css =
        "body{font-family:sans-serif;margin:24px;max-width:1200px;color:#222}" +
        "table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}" +
        "th{background:#eee}td:first-child,th:first-child,td:last-child{text-align:left}tr.ref{font-style:italic;color:#555}" +
        "tr.pareto{font-weight:bold;background:#eef6ee}tr.failed{color:#b00}" +
        ".bar{fill:#3a7bd5}.label,.value{font-size:12px}.note{color:#555}";

    /// <summary>Renders <paramref name="r"/> as an XHTML document.</summary>
    public static string Render(ExplorationReport r)
    {
        var w = new HtmlWriter();
        var title = $"HwGen design-space exploration: {r.Model}";
        w.Raw("<!DOCTYPE html>\n");
        w.Open("html", "xmlns", "http://www.w3.org/1999/xhtml", "lang", "en");
        w.Open("head").Raw("<meta charset=\"utf-8\"/>").Element("title", title).Element("style", Css).Close("head");
        w.Open("body").Element("h1", title);
        w.Element("p", $"{r.Config}; {r.Arch} core; model SHA-256 {r.ModelSha256}. " +
            (r.Target is null ? "No resource estimate (no target). " : $"Target {r.Target} ({r.Board}, {r.Device}). ") +
            $"Each point: {r.VerifySamples} mixed samples verified bit for bit against the golden model, then {r.Samples} names sampled at temperature {N(r.Temperature, "0.##")} (seed {r.Seed}) simulated with Verilator.");

        w.Element("h2", "Points");
        Table(w, r);
        w.Element("p", $"Pareto front (*): no other passed point has at most as many cycles per token and {r.LogicResource ?? "logic units"} and fewer of one. " +
            "Predicted cycles come from the generator's schedule before simulation; 'exact' says whether every simulated token cycle equals it. " +
            "Resources are yosys estimates unless placed by nextpnr; Fmax and tokens/s only where nextpnr ran. " +
            $"The {r.Reference.Design} row shows {r.Reference.Label}, not measured here.", "class", "note");

        w.Element("h2", "Cycles per token by lanes");
        var cycles = r.Points.Select(p => p.CyclesPerToken is { } c
                ? new BarDatum(LanesLabel(p.Lanes), c, N(c, "0.0"))
                : new BarDatum(LanesLabel(p.Lanes), 0, "failed"))
            .Append(new BarDatum(ReferenceLabel(r), r.Reference.CyclesPerToken, $"~{N(r.Reference.CyclesPerToken, "0")}"))
            .ToList();
        BarChart.Write(w, "Cycles per token by lanes (simulated; the table has the predicted)", cycles, "cycles per token");

        w.Element("h2", "Resources by lanes" + (r.Device is null ? "" : $" on {r.Device}"));
        var measured = r.Points.Where(p => p.Resources is not null).ToList();
        if (measured.Count == 0)
            w.Element("p", "No resource estimates in this run.");
        foreach (var name in ExploreTable.ResourceNames(r).Where(n => n == r.LogicResource || n == "DSP"))
        {
            var available = measured.Select(p => p.Resources!.Resources.First(u => u.Name == name).Available).Max();
            var data = measured.Select(p =>
            {
                var u = p.Resources!.Resources.First(x => x.Name == name);
                return new BarDatum(LanesLabel(p.Lanes), u.Used, $"{u.Used} ({N(u.Percent, "0.0")}%)");
            }).ToList();
            var kind = measured.All(p => p.Resources!.Estimate) ? "yosys estimate" : "placed by nextpnr where it fits, else yosys estimate";
            BarChart.Write(w, $"{name} by lanes (of {available}, {kind})", data, name, Math.Max(available, data.Max(d => d.Value)));
        }

        w.Element("h2", "Tokens per second");
        var speed = r.Points.Where(p => p.TokensPerSecond is not null)
            .Select(p => new BarDatum(LanesLabel(p.Lanes), p.TokensPerSecond!.Value,
                $"{N(p.TokensPerSecond.Value, "N0")} @ {N(p.Resources!.FmaxMhz!.Value, "0.##")} MHz"))
            .ToList();
        if (speed.Count == 0)
            w.Element("p", "No Fmax is known for any point (nextpnr runs only for iCE40 designs that fit), so tokens/s are unknown; the published reference: " +
                $"{N(r.Reference.TokensPerSecond, "N0")} tokens/s.");
        else
            BarChart.Write(w, "Tokens per second by lanes (at nextpnr's Fmax)", speed.Append(new BarDatum(ReferenceLabel(r),
                r.Reference.TokensPerSecond, $"{N(r.Reference.TokensPerSecond, "N0")} @ {N(r.Reference.FmaxMhz, "0.##")} MHz")).ToList(), "tokens/s");

        w.Close("body").Close("html");
        return w.ToString();
    }

    private static void Table(HtmlWriter w, ExplorationReport r)
    {
        w.Open("table").Open("tr");
        foreach (var h in ExploreTable.Header(r))
            w.Element("th", h);
        w.Close("tr");
        foreach (var row in ExploreTable.Rows(r))
        {
            w.Open("tr", "class", row.Reference ? "ref" : row.Failed ? "failed" : row.Pareto ? "pareto" : "point");
            foreach (var cell in row.Cells)
                w.Element("td", cell);
            w.Close("tr");
        }
        w.Close("table");
    }

    // The chart's label column is narrow: "TALOS-V2 (published)"; the table says "published figures" in full.
    private static string ReferenceLabel(ExplorationReport r) => $"{r.Reference.Design} (published)";

    private static string N(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>"1 lane", "16 lanes".</summary>
    private static string LanesLabel(int lanes) => lanes == 1 ? "1 lane" : $"{lanes} lanes";
}
