using System.Globalization;
using System.Text.RegularExpressions;

namespace HwGen.Tools;

/// <summary>How many of one kind of device resource a placed design uses, out of the device's total.</summary>
public sealed record DeviceUse(int Used, int Available);

/// <summary>nextpnr's timing verdict for one clock after routing.</summary>
/// <param name="Clock">The clock net's name.</param>
/// <param name="MaxMHz">The highest frequency the routed design supports.</param>
/// <param name="TargetMHz">The frequency it was asked for.</param>
/// <param name="Passed">True when <see cref="MaxMHz"/> meets the target.</param>
public sealed record ClockFrequency(string Clock, double MaxMHz, double TargetMHz, bool Passed);

/// <summary>
/// What nextpnr's log says about a placed and routed design: the device utilisation
/// (ICESTORM_LC, ICESTORM_RAM, ICESTORM_SPRAM, ICESTORM_DSP, SB_IO, ...) and, per clock, the final
/// "Max frequency for clock" (the last one in the log: after routing) and critical path.
/// </summary>
public sealed partial record NextpnrReport(IReadOnlyDictionary<string, DeviceUse> Utilisation, IReadOnlyList<ClockFrequency> Clocks)
{
    /// <summary>Per clock, the critical path of the last timing report (after routing); cross-domain paths are left out.</summary>
    public IReadOnlyList<CriticalPath> CriticalPaths { get; init; } = [];

    /// <summary>The critical path of the slowest clock, or null when the log has none.</summary>
    public CriticalPath? SlowestPath =>
        Clocks.MinBy(c => c.MaxMHz) is { } slowest ? CriticalPaths.FirstOrDefault(p => p.Clock == slowest.Clock) : null;

    /// <summary>The use of <paramref name="resource"/>; 0 of 0 when the device has none.</summary>
    public DeviceUse Use(string resource) => Utilisation.TryGetValue(resource, out var use) ? use : new DeviceUse(0, 0);

    /// <summary>The lowest maximum frequency over all clocks, or null for a design without clocks.</summary>
    public double? MaxFrequencyMHz => Clocks.Count == 0 ? null : Clocks.Min(c => c.MaxMHz);

    /// <summary>Reads nextpnr's log text.</summary>
    /// <exception cref="HwGenException">The log has no "Device utilisation" section.</exception>
    public static NextpnrReport Parse(string log, string where = "nextpnr log")
    {
        var lines = log.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var start = lines.FindLastIndex(l => l.Contains("Device utilisation:", StringComparison.Ordinal));
        if (start < 0)
            throw new HwGenException($"{where} has no 'Device utilisation' section; nextpnr did not get as far as packing the design.");
        var use = new SortedDictionary<string, DeviceUse>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(start + 1))
        {
            var m = UtilisationLine().Match(line);
            if (!m.Success)
                break;
            use[m.Groups["name"].Value] = new DeviceUse(Int(m.Groups["used"].Value), Int(m.Groups["total"].Value));
        }

        var clocks = lines.Select(l => FrequencyLine().Match(l)).Where(m => m.Success)
            .Select(m => new ClockFrequency(m.Groups["clock"].Value, Double(m.Groups["max"].Value), Double(m.Groups["target"].Value), m.Groups["verdict"].Value == "PASS"));
        return new NextpnrReport(use, LastPerClock(clocks, c => c.Clock)) { CriticalPaths = LastPerClock(Paths(lines), p => p.Clock) };
    }

    /// <summary>
    /// nextpnr reports each clock again after every phase: the last report of each clock (the one
    /// after routing), in the order the clocks first appear.
    /// </summary>
    private static List<T> LastPerClock<T>(IEnumerable<T> reports, Func<T, string> clock)
    {
        var last = new Dictionary<string, T>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var report in reports)
        {
            var key = clock(report);
            if (!last.ContainsKey(key))
                order.Add(key);
            last[key] = report;
        }
        return order.Select(c => last[c]).ToList();
    }

    /// <summary>Every "Critical path report for clock" in the log, in order: its first source, last sink and delay split.</summary>
    private static IEnumerable<CriticalPath> Paths(List<string> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var head = PathHeader().Match(lines[i]);
            if (!head.Success)
                continue;
            string? from = null, to = null;
            var cells = 0;
            for (var j = i + 1; j < lines.Count; j++)
            {
                if (PathCell().Match(lines[j]) is { Success: true } cell)
                {
                    if (cell.Groups["kind"].Value == "Source")
                    {
                        from ??= cell.Groups["cell"].Value;
                        cells++;
                    }
                    else
                    {
                        to = cell.Groups["cell"].Value;
                    }
                }
                else if (PathTotal().Match(lines[j]) is { Success: true } total)
                {
                    if (from is not null && to is not null)
                    {
                        yield return new CriticalPath(head.Groups["clock"].Value, CriticalPath.Shorten(from), CriticalPath.Shorten(to), cells,
                            Double(total.Groups["logic"].Value), Double(total.Groups["routing"].Value));
                    }
                    i = j;
                    break;
                }
            }
        }
    }

    private static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);

    private static double Double(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^Info:\s+(?<name>[A-Z0-9_]+):\s+(?<used>\d+)/\s*(?<total>\d+)\s+\d+%$")]
    private static partial Regex UtilisationLine();

    [GeneratedRegex(@"Critical path report for clock '(?<clock>[^']*)'")]
    private static partial Regex PathHeader();

    [GeneratedRegex(@"^Info:\s+[0-9.]+\s+[0-9.]+\s+(?<kind>Source|Setup)\s+(?<cell>\S+)$")]
    private static partial Regex PathCell();

    [GeneratedRegex(@"^Info: (?<logic>[0-9.]+) ns logic, (?<routing>[0-9.]+) ns routing$")]
    private static partial Regex PathTotal();

    [GeneratedRegex(@"Max frequency for clock +'(?<clock>[^']*)': (?<max>[0-9.]+) MHz \((?<verdict>PASS|FAIL) at (?<target>[0-9.]+) MHz\)")]
    private static partial Regex FrequencyLine();
}
