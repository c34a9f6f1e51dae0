using System.Globalization;

namespace HwGen.Reporting;

/// <summary>Writes a horizontal inline-SVG bar chart: one rect (class "bar") and one label per datum.</summary>
public static class BarChart
{
    /// <summary>Appends the chart to <paramref name="w"/>; max is the full-scale value (default: largest datum).</summary>
    public static void Write(HtmlWriter w, string title, IReadOnlyList<BarDatum> data, double? max = null)
    {
        const int labelW = 150, barW = 420, rowH = 22;
        double scale = max ?? (data.Count == 0 ? 1 : Math.Max(1e-9, data.Max(d => d.Value)));
        int height = rowH * data.Count + 8;
        string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        w.Open("svg", "xmlns", "http://www.w3.org/2000/svg", "width", F(labelW + barW + 120), "height", F(height),
            "role", "img", "aria-label", title);
        w.Element("title", title);
        for (int i = 0; i < data.Count; i++)
        {
            var d = data[i];
            double y = 4 + i * rowH;
            double len = Math.Max(1, barW * Math.Min(1, d.Value / scale));
            w.Element("text", d.Label, "x", F(labelW - 6), "y", F(y + 15), "text-anchor", "end", "class", "label");
            w.Open("rect", "class", "bar", "x", F(labelW), "y", F(y + 2), "width", F(len), "height", F(rowH - 6)).Close("rect");
            w.Element("text", d.Text, "x", F(labelW + len + 6), "y", F(y + 15), "class", "value");
        }
        w.Close("svg");
    }
}
