using System.Globalization;
using System.Text.RegularExpressions;

namespace HwGen.Tools;

/// <summary>
/// The cell counts of yosys' <c>stat</c> command: for the whole design (the "design hierarchy"
/// totals when the design has several modules, else its one module).
/// </summary>
/// <param name="Scope">The module the counts are for, or "design hierarchy".</param>
/// <param name="Cells">The total number of cells.</param>
/// <param name="CellTypes">Cells by type (SB_LUT4, SB_DFF, SB_RAM40_4K, ...), sorted by type.</param>
/// <param name="MemoryBits">Bits in memories yosys has not mapped to cells (0 after technology mapping).</param>
public sealed partial record YosysStat(string Scope, int Cells, IReadOnlyDictionary<string, int> CellTypes, int MemoryBits)
{
    /// <summary>How many cells of <paramref name="type"/> (0 when none).</summary>
    public int Count(string type) => CellTypes.TryGetValue(type, out var n) ? n : 0;

    /// <summary>Reads the last "Printing statistics" section of a yosys log.</summary>
    /// <exception cref="HwGenException">The log has no statistics.</exception>
    public static YosysStat Parse(string log, string where = "yosys log")
    {
        var lines = log.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var start = lines.FindLastIndex(l => l.TrimEnd().EndsWith("Printing statistics.", StringComparison.Ordinal));
        if (start < 0)
            throw new HwGenException($"{where} has no 'Printing statistics' section; the yosys script must end with synth_* or stat.");

        var blocks = new List<YosysStat>();
        string? scope = null;
        int cells = 0, memoryBits = 0;
        SortedDictionary<string, int>? types = null;
        var inCells = false;
        void Close()
        {
            if (scope is not null)
                blocks.Add(new YosysStat(scope, cells, types ?? new SortedDictionary<string, int>(StringComparer.Ordinal), memoryBits));
        }
        foreach (var line in lines.Skip(start + 1))
        {
            if (SectionHeader().IsMatch(line) || line.StartsWith("End of script", StringComparison.Ordinal))
                break;
            if (BlockHeader().Match(line) is { Success: true } header)
            {
                Close();
                scope = header.Groups["name"].Value;
                cells = memoryBits = 0;
                types = new SortedDictionary<string, int>(StringComparer.Ordinal);
                inCells = false;
                continue;
            }
            if (scope is null)
                continue;
            if (Counter().Match(line) is { Success: true } counter)
            {
                var value = int.Parse(counter.Groups["n"].Value, CultureInfo.InvariantCulture);
                inCells = counter.Groups["what"].Value == "cells";
                if (inCells)
                    cells = value;
                else if (counter.Groups["what"].Value == "memory bits")
                    memoryBits = value;
                continue;
            }
            if (inCells && CellType().Match(line) is { Success: true } type)
                types![type.Groups["type"].Value] = int.Parse(type.Groups["n"].Value, CultureInfo.InvariantCulture);
            else if (line.Trim().Length == 0)
                inCells = false;
        }
        Close();
        if (blocks.Count == 0)
            throw new HwGenException($"{where}: the statistics section lists no module.");
        return blocks.FirstOrDefault(b => b.Scope == "design hierarchy") ?? blocks[^1];
    }

    [GeneratedRegex(@"^\d+(\.\d+)*\. ")]
    private static partial Regex SectionHeader();

    [GeneratedRegex(@"^=== (?<name>.+) ===$")]
    private static partial Regex BlockHeader();

    [GeneratedRegex(@"^\s+Number of (?<what>[a-z ]+):\s+(?<n>\d+)$")]
    private static partial Regex Counter();

    [GeneratedRegex(@"^\s+(?<type>\S+)\s+(?<n>\d+)$")]
    private static partial Regex CellType();
}
