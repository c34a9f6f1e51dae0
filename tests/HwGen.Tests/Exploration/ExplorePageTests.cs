using System.Xml.Linq;
using HwGen.Exploration;

namespace HwGen.Tests.Exploration;

public class ExplorePageTests
{
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static XDocument Page() => XDocument.Parse(ExplorePage.Render(ExploreSamples.Report()).Replace("<!DOCTYPE html>", ""));

    [Test]
    public void TheTableHasOneRowPerPointThenThePublishedReference()
    {
        var rows = Page().Descendants(Xhtml + "tr").Skip(1).ToList();

        Assert.That(rows.Select(r => (string?)r.Attribute("class")), Is.EqualTo(new[] { "pareto", "pareto", "failed", "point", "ref" }));
        Assert.That(rows.Select(r => r.Elements(Xhtml + "td").First().Value), Is.EqualTo(new[] { "1", "2", "4", "8", "TALOS-V2 (published figures)" }));
        var header = Page().Descendants(Xhtml + "th").Select(h => h.Value).ToList();
        Assert.That(header, Is.EqualTo(new[]
        {
            "lanes", "verify", "predicted cyc/tok", "simulated cyc/tok", "exact", "LC", "EBR", "DSP", "Fmax MHz", "tokens/s", "tokens/s per LC", "Pareto", "source", "note",
        }));
        var reference = rows[^1].Elements(Xhtml + "td").Select(c => c.Value).ToList();
        Assert.That(reference[3], Is.EqualTo("~1000"));
        Assert.That(reference[8..], Is.EqualTo(new[] { "56.25", "53000", "2.05 per ALM", "", "published", "Cyclone V: 25,851 ALMs, 38 DSPs" }));
        var failed = rows[2].Elements(Xhtml + "td").Select(c => c.Value).ToList();
        Assert.That(failed[1], Is.EqualTo("FAIL 2"));
        Assert.That(failed[^1], Does.StartWith("FAILED: verify: 2 mismatch(es)"));
        var first = rows[0].Elements(Xhtml + "td").Select(c => c.Value).ToList();
        Assert.That(first[..11], Is.EqualTo(new[] { "1", "pass 20", "3889.4", "3889.4", "yes", "3000", "4", "2", "30.50", "7842", "2.6" }));
        Assert.That(first[11..13], Is.EqualTo(new[] { "*", "cache" }));
    }

    [Test]
    public void ChartsShowCyclesLogicDspAndTokensPerSecondWithOneBarPerDatum()
    {
        var charts = Page().Descendants(Svg + "svg").ToList();

        Assert.That(charts.Select(c => (string?)c.Attribute("aria-label")),
            Is.EqualTo(new[]
            {
                "Cycles per token by lanes (simulated; the table has the predicted)", "LC by lanes (of 5280, placed by nextpnr where it fits, else yosys estimate)",
                "DSP by lanes (of 8, placed by nextpnr where it fits, else yosys estimate)", "Tokens per second by lanes (at nextpnr's Fmax)",
            }));
        string[] Labels(XElement chart) => chart.Elements(Svg + "text").Where(t => (string?)t.Attribute("class") == "label").Select(t => t.Value).ToArray();
        Assert.That(Labels(charts[0]), Is.EqualTo(new[] { "1 lane", "2 lanes", "4 lanes", "8 lanes", "TALOS-V2 (published)" }));
        Assert.That(charts[0].Elements(Svg + "rect").Count(), Is.EqualTo(5));
        Assert.That(Labels(charts[1]), Is.EqualTo(new[] { "1 lane", "2 lanes", "8 lanes" }), "the failed point has no estimate");
        Assert.That(Labels(charts[3]), Is.EqualTo(new[] { "1 lane", "2 lanes", "TALOS-V2 (published)" }), "tokens/s only where Fmax is known");
        string[] Values(XElement chart) => chart.Elements(Svg + "text").Where(t => (string?)t.Attribute("class") == "value").Select(t => t.Value).ToArray();
        Assert.That(Values(charts[3]), Is.EqualTo(new[] { "7,842 @ 30.5 MHz", "13,625 @ 28.25 MHz", "53,000 @ 56.25 MHz" }));
    }

    [Test]
    public void DataTextIsEscaped()
    {
        var html = ExplorePage.Render(ExploreSamples.Report("a<b&c>"));

        Assert.That(html, Does.Contain("exploration: a&lt;b&amp;c&gt;"));
        Assert.That(html, Does.Not.Contain("a<b&c>"));
    }

    [Test]
    public void TheTerminalTableAlignsThePointsAndGivesTheReferenceItsOwnLine()
    {
        var lines = ExploreTable.Text(ExploreSamples.Report()).ToList();

        Assert.That(lines, Has.Count.EqualTo(6));
        Assert.That(lines[0], Does.StartWith("lanes   verify  predicted cyc/tok  simulated cyc/tok  exact"));
        Assert.That(lines[1], Does.StartWith("1      pass 20             3889.4             3889.4    yes  3000    4    2     30.50"));
        Assert.That(lines[5], Is.EqualTo("TALOS-V2 (published figures, Cyclone V): ~1000 cycles/token, 56.25 MHz, 53000 tokens/s, 2.05 tokens/s per ALM; 25,851 ALMs, 38 DSPs"));
    }

    [Test]
    public void APointWithoutItsEstimateIsVerifiedButTheExplorationIsIncomplete()
    {
        var report = ExploreSamples.Report() with
        {
            Points = [ExploreSamples.Point(16, 485.2, null) with { ResourceFailure = "yosys ran longer than 1802 s and was stopped." }],
        };

        Assert.That((report.Passed, report.Complete), Is.EqualTo((true, false)));
        Assert.That(ExploreTable.Rows(report)[0].Cells[^1], Is.EqualTo("no resource estimate: yosys ran longer than 1802 s and was stopped."));
    }
}
