using System.Xml.Linq;
using HwGen.Reporting;

namespace HwGen.Tests.Reporting;

public sealed class ReportPageTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static RunReport Sample(string name) => new(
        name, "n_embd 16, 4 heads", 4192, "abc123",
        [new TensorRow("wte<&>", "Q2.13", 1.5, 60.1, 0)],
        [new SiteRow("attn_out", "Q4.11", 3.25, 2)],
        new VerdictRow(10, 57, 0),
        [new BarDatum("embed", 5, "5"), new BarDatum("qkv", 48, "48"), new BarDatum("lm_head", 27, "27")],
        [new ThroughputRow("this run", 81, null, null, false, ""), RunReport.TalosV2],
        "iCE40UP5K",
        [new ResourceRow("LC", 3000, 5280), new ResourceRow("DSP", 8, 8)]);

    private static XDocument Parse(RunReport r) =>
        XDocument.Parse(ReportPage.Render(r).Replace("<!DOCTYPE html>", ""));

    [Test]
    public void EveryChartHasOneBarAndLabelPerDatum()
    {
        var charts = Parse(Sample("m")).Descendants(Svg + "svg").ToList();
        Assert.That(charts, Has.Count.EqualTo(2));
        var bars0 = charts[0].Elements(Svg + "rect").Count();
        var labels0 = charts[0].Elements(Svg + "text").Where(t => (string?)t.Attribute("class") == "label").Select(t => t.Value);
        Assert.That(bars0, Is.EqualTo(3));
        Assert.That(labels0, Is.EqualTo(new[] { "embed", "qkv", "lm_head" }));
        Assert.That(charts[1].Elements(Svg + "rect").Count(), Is.EqualTo(2));
    }

    [Test]
    public void DataTextIsEscaped()
    {
        var html = ReportPage.Render(Sample("a<b&c>"));
        Assert.That(html, Does.Contain("HwGen report: a&lt;b&amp;c&gt;"));
        Assert.That(html, Does.Not.Contain("a<b&c>"));
        Assert.That(html, Does.Contain("wte&lt;&amp;&gt;"));
        var title = Parse(Sample("a<b&c>")).Descendants().First(e => e.Name.LocalName == "h1").Value;
        Assert.That(title, Is.EqualTo("HwGen report: a<b&c>"));
    }

    [Test]
    public void TalosRowIsLabelledAsPublished()
    {
        var row = Parse(Sample("m")).Descendants().Single(e => e.Name.LocalName == "tr" && (string?)e.Attribute("class") == "ref");
        Assert.That(row.Elements().Select(c => c.Value),
            Is.EqualTo(new[] { "TALOS-V2 (published, Cyclone V)", "1000", "56.25", "53,000", "25,851 ALMs, 38 DSPs" }));
    }
}
