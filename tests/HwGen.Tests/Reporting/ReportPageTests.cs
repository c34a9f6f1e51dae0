using System.Globalization;
using System.Xml.Linq;
using HwGen.Reporting;

namespace HwGen.Tests.Reporting;

public sealed class ReportPageTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>Parses the page as XML (the DOCTYPE is HTML-only); throws when it is not well-formed.</summary>
    internal static XDocument Parse(string html) => XDocument.Parse(html.Replace("<!DOCTYPE html>", ""));

    private static XDocument Parse(RunReport r) => Parse(ReportPage.Render(r));

    internal static string[] Labels(XElement chart) =>
        [.. chart.Elements(Svg + "text").Where(t => (string?)t.Attribute("class") == "label").Select(t => t.Value)];

    internal static string[] Values(XElement chart) =>
        [.. chart.Elements(Svg + "text").Where(t => (string?)t.Attribute("class") == "value").Select(t => t.Value)];

    internal static List<XElement> Charts(XDocument page) => [.. page.Descendants(Svg + "svg")];

    /// <summary>The chart whose title is <paramref name="title"/>.</summary>
    internal static XElement Chart(XDocument page, string title) =>
        Charts(page).Single(c => c.Element(Svg + "title")?.Value == title);

    [Test]
    public void WithABoardsTokensPerSecondThereIsAThroughputChartAgainstTalos()
    {
        var r = ReportFixtures.Report() with
        {
            Throughput = [new ThroughputRow("this run", 81, null, null, false, ""), new ThroughputRow("on board", 1165.4, 27.5, 23597, false, "n"), RunReport.TalosV2],
        };
        var page = Parse(r);
        Assert.That(Charts(page), Has.Count.EqualTo(3));
        var chart = Chart(page, "Tokens per second");
        Assert.That(Labels(chart), Is.EqualTo(new[] { "on board", "TALOS-V2 (published, Cyclone V)" }));
        Assert.That(Values(chart), Is.EqualTo(new[] { "23,597 tokens/s", "53,000 tokens/s" }));
        Assert.That(chart.Elements(Svg + "rect").Count(), Is.EqualTo(2));
        Assert.That(Charts(Parse(ReportFixtures.Report())).Select(c => c.Element(Svg + "title")!.Value),
            Is.EqualTo(new[] { "Mean cycles per generated token, by stage", "Resource use" }), "no tokens/s of this design, no throughput chart");
    }

    [Test]
    public void EveryChartHasOneBarLabelAndValuePerDatum()
    {
        var charts = Charts(Parse(ReportFixtures.Report()));
        Assert.That(charts, Has.Count.EqualTo(2));
        Assert.That(charts[0].Elements(Svg + "rect").Count(), Is.EqualTo(3));
        Assert.That(Labels(charts[0]), Is.EqualTo(new[] { "embed", "layer0.q", "lm_head" }));
        Assert.That(Values(charts[0]), Is.EqualTo(new[] { "5", "48", "27" }));
        Assert.That(charts[1].Elements(Svg + "rect").Count(), Is.EqualTo(3));
        Assert.That(Labels(charts[1]), Is.EqualTo(new[] { "LC", "DSP", "SPRAM" }));
        Assert.That(Values(charts[1]), Is.EqualTo(new[] { "3,000 / 5,280 (56.8%)", "12 / 8 (150.0%)", "0 / 4 (0.0%)" }));
    }

    [Test]
    public void ChartsHaveAnAxisWithTicksAndAUnit()
    {
        var charts = Charts(Parse(ReportFixtures.Report()));
        string[] Ticks(XElement c) => [.. c.Elements(Svg + "text").Where(t => (string?)t.Attribute("class") == "tick").Select(t => t.Value)];
        // Stage chart: full scale is the next 1/2/2.5/5 step above the largest stage (48 -> 50).
        Assert.That(Ticks(charts[0]), Is.EqualTo(new[] { "0", "12.5", "25", "37.5", "50" }));
        Assert.That(Ticks(charts[1]), Is.EqualTo(new[] { "0", "25", "50", "75", "100" }));
        Assert.That(charts[0].Elements(Svg + "text").Single(t => (string?)t.Attribute("class") == "unit").Value, Is.EqualTo("clock cycles per generated token (mean)"));
        Assert.That(charts[1].Elements(Svg + "text").Single(t => (string?)t.Attribute("class") == "unit").Value, Does.StartWith("% of the device"));
    }

    [Test]
    public void BarsAreScaledAndAnOverCapacityBarIsMarked()
    {
        var bars = Charts(Parse(ReportFixtures.Report()))[1].Elements(Svg + "rect").ToList();
        double Width(XElement e) => double.Parse((string)e.Attribute("width")!, CultureInfo.InvariantCulture);
        // 440 px is 100%: LC 3000/5280 -> 250 px; DSP 12/8 is drawn to the edge; SPRAM 0 has no bar length.
        Assert.That(Width(bars[0]), Is.EqualTo(250).Within(0.1));
        Assert.That(Width(bars[1]), Is.EqualTo(440));
        Assert.That((string?)bars[1].Attribute("class"), Is.EqualTo("bar over"));
        Assert.That((string?)bars[0].Attribute("class"), Is.EqualTo("bar"));
        Assert.That(Width(bars[2]), Is.Zero);
    }

    [Test]
    public void DataTextIsEscaped()
    {
        var html = ReportPage.Render(ReportFixtures.Report("a<b&c>"));
        Assert.That(html, Does.Contain("HwGen report: a&lt;b&amp;c&gt;"));
        Assert.That(html, Does.Not.Contain("a<b&c>"));
        Assert.That(html, Does.Contain("wte&lt;&amp;&gt;"));
        var title = Parse(ReportFixtures.Report("a<b&c>")).Descendants().First(e => e.Name.LocalName == "h1").Value;
        Assert.That(title, Is.EqualTo("HwGen report: a<b&c>"));
    }

    [Test]
    public void PageHasNoExternalAssets()
    {
        var page = Parse(ReportFixtures.Report());
        var refs = page.Descendants().SelectMany(e => e.Attributes())
            .Where(a => a.Name.LocalName is "href" or "src").Select(a => a.Value);
        Assert.That(refs, Is.Empty);
        Assert.That(page.Descendants().Where(e => e.Name.LocalName is "script" or "link" or "img"), Is.Empty);
    }

    [Test]
    public void TalosRowIsLabelledAsPublished()
    {
        var row = Parse(ReportFixtures.Report()).Descendants().Single(e => e.Name.LocalName == "tr" && (string?)e.Attribute("class") == "ref");
        Assert.That(row.Elements().Select(c => c.Value),
            Is.EqualTo(new[] { "TALOS-V2 (published, Cyclone V)", "1,000.0", "56.25", "53,000", "25,851 ALMs, 38 DSPs" }));
    }

    [Test]
    public void WithoutSynthesisTheResourcesSectionSaysHowToGetOne()
    {
        var r = ReportFixtures.Report() with { Resources = [], Device = null, Board = null };
        var page = Parse(r);
        Assert.That(Charts(page), Has.Count.EqualTo(1));
        Assert.That(page.Descendants().Any(e => e.Name.LocalName == "p" && e.Value == "No synthesis in this run: give --target T to build for a board, or --synth DIR with a hwgen synth output."));
    }

    [Test]
    public void NiceCeilingIsTheNextOneTwoTwoAndAHalfOrFiveStep()
    {
        Assert.That(new[] { 48.0, 50, 51, 120, 201, 0.3, 1165.4 }.Select(BarChart.NiceCeiling),
            Is.EqualTo(new[] { 50.0, 50, 100, 200, 250, 0.5, 2000 }));
    }
}
