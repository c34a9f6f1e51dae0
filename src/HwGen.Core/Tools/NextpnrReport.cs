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
        Clocks.Count == 0 ? null : CriticalPaths.FirstOrDefault(p => p.Clock == Clocks.MinBy(c => c.MaxMHz)!.Clock);

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

        var clocks = new Dictionary<string, ClockFrequency>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var line in lines)
        {
            var m = FrequencyLine().Match(line);
            if (!m.Success)
                continue;
            var clock = m.Groups["clock"].Value;
            if (!clocks.ContainsKey(clock))
                order.Add(clock);
            clocks[clock] = new ClockFrequency(clock, Double(m.Groups["max"].Value), Double(m.Groups["target"].Value), m.Groups["verdict"].Value == "PASS");
        }
        return new NextpnrReport(use, order.Select(c => clocks[c]).ToList()) { CriticalPaths = Paths(lines) };
    }

    /// <summary>The last "Critical path report for clock" of each clock: its first source, last sink and delay split.</summary>
    private static List<CriticalPath> Paths(List<string> lines)
    {
        var paths = new Dictionary<string, CriticalPath>(StringComparer.Ordinal);
        var order = new List<string>();
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
                    var clock = head.Groups["clock"].Value;
                    if (from is not null && to is not null)
                    {
                        if (!paths.ContainsKey(clock))
                            order.Add(clock);
                        paths[clock] = new CriticalPath(clock, CriticalPath.Shorten(from), CriticalPath.Shorten(to), cells,
                            Double(total.Groups["logic"].Value), Double(total.Groups["routing"].Value));
                    }
                    i = j;
                    break;
                }
            }
        }
        return order.Select(c => paths[c]).ToList();
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
