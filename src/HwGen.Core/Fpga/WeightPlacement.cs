using System.Text.RegularExpressions;

namespace HwGen.Fpga;

/// <summary>
/// Where the weight ROMs landed after synthesis: block RAM (iCE40 EBR, Xilinx BRAM, Intel M10K),
/// SPRAM, or logic (a ROM built of LUTs). Read from yosys' memory mapping messages and its list of
/// RAM cells: memories under the core's <see cref="CoreDesign.WeightInstance"/> hold the weights.
/// </summary>
/// <param name="Placement">The block RAM's name ("EBR", "BRAM", "M10K"), "SPRAM", "LUT ROM", a combination joined by " + ", or "unknown".</param>
/// <param name="Memories">Weight memories yosys mapped.</param>
/// <param name="BlockRams">Block RAM cells holding weights.</param>
/// <param name="Spram">SPRAM cells holding weights.</param>
/// <param name="LutRomMemories">Weight memories built of logic.</param>
/// <param name="WeightBits">Bits of weights in the model (16 per parameter).</param>
public sealed partial record WeightPlacement(string Placement, int Memories, int BlockRams, int Spram, int LutRomMemories, long WeightBits)
{
    /// <summary>
    /// Reads yosys' log (MEMORY_LIBMAP: "mapping memory M via CELL", "using FF mapping for memory M")
    /// and the RAM cell names (<c>select -list</c> output, one per line) of a synthesised design.
    /// </summary>
    /// <param name="yosysLog">The yosys log text.</param>
    /// <param name="ramCells">Names of the block RAM cells, one per line.</param>
    /// <param name="spramCells">Names of the SPRAM cells, one per line.</param>
    /// <param name="weightBits">Bits of weights in the model.</param>
    /// <param name="blockRamName">What the family calls its block RAM.</param>
    public static WeightPlacement FromYosys(string yosysLog, string ramCells, string spramCells, long weightBits, string blockRamName = "EBR")
    {
        static bool IsWeight(string name) => WeightName().IsMatch(name);
        var memories = new HashSet<string>(StringComparer.Ordinal);
        var logic = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in yosysLog.Split('\n'))
        {
            var mapped = MappedLine().Match(line);
            if (mapped.Success && IsWeight(mapped.Groups["mem"].Value))
                memories.Add(mapped.Groups["mem"].Value);
            var ff = FfLine().Match(line);
            if (ff.Success && IsWeight(ff.Groups["mem"].Value))
            {
                memories.Add(ff.Groups["mem"].Value);
                logic.Add(ff.Groups["mem"].Value);
            }
        }
        static int Count(string list) => list.Split('\n').Count(l => l.Trim().Length > 0 && IsWeight(l));
        var bram = Count(ramCells);
        var spram = Count(spramCells);
        var parts = new List<string>();
        if (bram > 0)
            parts.Add(blockRamName);
        if (spram > 0)
            parts.Add("SPRAM");
        if (logic.Count > 0)
            parts.Add("LUT ROM");
        return new WeightPlacement(parts.Count == 0 ? "unknown" : string.Join(" + ", parts), memories.Count, bram, spram, logic.Count, weightBits);
    }

    [GeneratedRegex(@"^mapping memory (?<mem>\S+) via (?<cell>\S+)")]
    private static partial Regex MappedLine();

    [GeneratedRegex(@"^using FF mapping for memory (?<mem>\S+)")]
    private static partial Regex FfLine();

    // The weight ROM instance (fast core) or a numbered weight bank (compact core), as a whole instance name.
    [GeneratedRegex(@"(^|[.\\/])" + CoreDesign.WeightInstance + @"\d*\.")]
    private static partial Regex WeightName();
}
