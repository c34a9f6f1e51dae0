using System.Globalization;

namespace HwGen.Exploration;

/// <summary>One row of the exploration table, as text; <see cref="Reference"/> marks the published figures.</summary>
public sealed record ExploreRow(IReadOnlyList<string> Cells, bool Reference, bool Pareto, bool Failed);

/// <summary>
/// The exploration as a table of text, shared by the terminal and the HTML page: one row per point
/// in --lanes order, then the published reference row. Unknown figures read "-".
/// </summary>
public static class ExploreTable
{
    /// <summary>The column headings: fixed figures, one per device resource, then throughput, front, source and note.</summary>
    public static IReadOnlyList<string> Header(ExplorationReport r)
    {
        var logic = r.LogicResource ?? "logic";
        return
        [
            "lanes", "verify", "predicted cyc/tok", "simulated cyc/tok", "exact",
            .. ResourceNames(r), "Fmax MHz", "tokens/s", $"tokens/s per {logic}", "Pareto", "source", "note",
        ];
    }

    /// <summary>The rows: the points in --lanes order, then the reference.</summary>
    public static IReadOnlyList<ExploreRow> Rows(ExplorationReport r)
    {
        var names = ResourceNames(r);
        var rows = new List<ExploreRow>();
        foreach (var p in r.Points)
        {
            var cells = new List<string>
            {
                N(p.Lanes),
                p.Verify is { } v ? (v.Passed ? $"pass {v.Samples}" : $"FAIL {v.Mismatches}") : "-",
                N(p.PredictedCyclesPerToken, "0.0"),
                p.CyclesPerToken is { } c ? N(c, "0.0") : "-",
                p.PredictionExact switch { true => "yes", false => "NO", null => "-" },
            };
            foreach (var name in names)
                cells.Add(p.Resources?.Resources.FirstOrDefault(u => u.Name == name) is { } u ? N(u.Used) : "-");
            cells.Add(p.Resources?.FmaxMhz is { } f ? N(f, "0.00") : "-");
            cells.Add(p.TokensPerSecond is { } t ? N(t, "0") : "-");
            cells.Add(p.TokensPerSecondPerLogic is { } pl ? N(pl, "0.0") : "-");
            cells.Add(p.Pareto ? "*" : "");
            cells.Add(p.FromCache ? "cache" : "run");
            cells.Add(Note(p));
            rows.Add(new ExploreRow(cells, false, p.Pareto, !p.Passed));
        }
        var x = r.Reference;
        var refCells = new List<string> { $"{x.Design} ({x.Label})", "-", "-", $"~{N(x.CyclesPerToken, "0")}", "-" };
        refCells.AddRange(names.Select(_ => "-"));
        refCells.AddRange([N(x.FmaxMhz, "0.00"), N(x.TokensPerSecond, "0"), $"{N(x.TokensPerSecondPerAlm, "0.00")} per ALM", "", "published",
            $"{x.Device}: {x.Alms.ToString("N0", CultureInfo.InvariantCulture)} ALMs, {x.Dsps} DSPs"]);
        rows.Add(new ExploreRow(refCells, true, false, false));
        return rows;
    }

    /// <summary>The table as aligned text lines (for the terminal).</summary>
    public static IEnumerable<string> Text(ExplorationReport r)
    {
        var header = Header(r);
        var rows = Rows(r).Where(x => !x.Reference).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Select(row => i == header.Count - 1 ? 0 : row.Cells[i].Length).DefaultIfEmpty(0).Max())).ToArray();
        string Line(IReadOnlyList<string> cells) =>
            string.Join("  ", cells.Select((c, i) => i == cells.Count - 1 ? c : i == 0 ? c.PadRight(widths[i]) : c.PadLeft(widths[i]))).TrimEnd();
        yield return Line(header);
        foreach (var row in rows)
            yield return Line(row.Cells);
        // The reference's long label does not fit the lanes column: it gets its own line.
        var x = r.Reference;
        yield return $"{x.Design} ({x.Label}, {x.Device}): ~{N(x.CyclesPerToken, "0")} cycles/token, {N(x.FmaxMhz, "0.00")} MHz, " +
            $"{N(x.TokensPerSecond, "0")} tokens/s, {N(x.TokensPerSecondPerAlm, "0.00")} tokens/s per ALM; {x.Alms.ToString("N0", CultureInfo.InvariantCulture)} ALMs, {x.Dsps} DSPs";
    }

    /// <summary>The device resource columns: those of the target the points were estimated for.</summary>
    public static IReadOnlyList<string> ResourceNames(ExplorationReport r) =>
        r.Points.FirstOrDefault(p => p.Resources is not null)?.Resources!.Resources.Select(u => u.Name).Where(n => n != "IO").ToList() ?? [];

    private static string Note(PointResult p)
    {
        if (!p.Passed)
            return "FAILED: " + p.Failure;
        if (p.ResourceFailure is { } failure)
            return "no resource estimate: " + failure;
        if (p.Resources is not { } res)
            return "";
        var notes = new List<string>();
        if (!res.Fits)
            notes.Add("does not fit");
        notes.Add(res.Estimate ? "yosys estimate" : "placed by nextpnr");
        notes.Add($"weights in {res.WeightPlacement}");
        return string.Join("; ", notes);
    }

    private static string N(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);

    private static string N(int v) => v.ToString(CultureInfo.InvariantCulture);
}
