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
/// "Max frequency for clock" (the last one in the log: after routing).
/// </summary>
public sealed partial record NextpnrReport(IReadOnlyDictionary<string, DeviceUse> Utilisation, IReadOnlyList<ClockFrequency> Clocks)
{
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
        return new NextpnrReport(use, order.Select(c => clocks[c]).ToList());
    }

    private static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);

    private static double Double(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^Info:\s+(?<name>[A-Z0-9_]+):\s+(?<used>\d+)/\s*(?<total>\d+)\s+\d+%$")]
    private static partial Regex UtilisationLine();

    [GeneratedRegex(@"Max frequency for clock +'(?<clock>[^']*)': (?<max>[0-9.]+) MHz \((?<verdict>PASS|FAIL) at (?<target>[0-9.]+) MHz\)")]
    private static partial Regex FrequencyLine();
}
