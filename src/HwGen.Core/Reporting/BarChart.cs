using System.Globalization;

namespace HwGen.Reporting;

/// <summary>
/// Writes a horizontal inline-SVG bar chart: one rect (class "bar") and one label per datum, the
/// value written beside each bar, and an x axis with ticks and a unit.
/// </summary>
public static class BarChart
{
    private const int RowH = 24, BarW = 440, ValueW = 150, Top = 8, AxisH = 36, CharW = 8;

    /// <summary>
    /// Appends the chart to <paramref name="w"/>. <paramref name="max"/> is the full scale (default:
    /// the largest datum); a datum beyond it is drawn to the edge with class "bar over".
    /// <paramref name="unit"/> names the axis.
    /// </summary>
    public static void Write(HtmlWriter w, string title, IReadOnlyList<BarDatum> data, string unit, double? max = null)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(data);
        var labelW = 12 + CharW * Math.Max(6, data.Count == 0 ? 0 : data.Max(d => d.Label.Length));
        var scale = max ?? (data.Count == 0 ? 1 : NiceCeiling(data.Max(d => d.Value)));
        var plotH = RowH * data.Count;
        var height = Top + plotH + AxisH;
        w.Open("svg", "xmlns", "http://www.w3.org/2000/svg", "width", F(labelW + BarW + ValueW), "height", F(height),
            "viewBox", $"0 0 {F(labelW + BarW + ValueW)} {F(height)}", "role", "img", "aria-label", title);
        w.Element("title", title);
        // Tick marks below the baseline only: grid lines through the plot would cross the values.
        var axisY = Top + plotH + 2;
        for (var k = 1; k <= 4; k++)
        {
            var x = labelW + BarW * k / 4.0;
            w.Open("line", "class", "axis", "x1", F(x), "y1", F(axisY), "x2", F(x), "y2", F(axisY + 5)).Close("line");
        }
        for (var k = 0; k <= 4; k++)
            w.Element("text", Tick(scale * k / 4), "x", F(labelW + BarW * k / 4.0), "y", F(axisY + 16), "text-anchor", "middle", "class", "tick");
        w.Element("text", unit, "x", F(labelW + BarW / 2.0), "y", F(axisY + 30), "text-anchor", "middle", "class", "unit");
        for (var i = 0; i < data.Count; i++)
        {
            var d = data[i];
            var y = Top + i * RowH;
            var over = d.Value > scale;
            var len = d.Value <= 0 ? 0 : Math.Max(1, BarW * Math.Min(1, d.Value / scale));
            w.Element("text", d.Label, "x", F(labelW - 8), "y", F(y + 16), "text-anchor", "end", "class", "label");
            w.Open("rect", "class", over ? "bar over" : "bar", "x", F(labelW), "y", F(y + 3), "width", F(len), "height", F(RowH - 6)).Close("rect");
            w.Element("text", d.Text, "x", F(labelW + len + 6), "y", F(y + 16), "class", "value");
        }
        // The axes: the baseline and the left edge, with a tick at 0.
        w.Open("line", "class", "axis", "x1", F(labelW), "y1", F(Top), "x2", F(labelW), "y2", F(axisY + 4)).Close("line");
        w.Open("line", "class", "axis", "x1", F(labelW), "y1", F(axisY), "x2", F(labelW + BarW), "y2", F(axisY)).Close("line");
        w.Close("svg");
    }

    /// <summary>The smallest of 1, 2, 2.5, 5 times a power of ten that is at least <paramref name="v"/>.</summary>
    public static double NiceCeiling(double v)
    {
        if (v <= 0 || !double.IsFinite(v))
            return 1;
        var p = Math.Pow(10, Math.Floor(Math.Log10(v)));
        foreach (var m in new[] { 1, 2, 2.5, 5, 10 })
        {
            if (m * p >= v)
                return m * p;
        }
        return 10 * p;
    }

    private static string Tick(double v) => v.ToString(Math.Abs(v - Math.Round(v)) < 1e-9 ? "N0" : "N1", CultureInfo.InvariantCulture);

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
