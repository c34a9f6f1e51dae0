using HwGen.Tools;

namespace HwGen.Fpga;

/// <summary>A board design synthesised by yosys: its cell counts, the resources they use, and where the weights landed.</summary>
/// <param name="Yosys">The yosys run (log, statistics).</param>
/// <param name="Resources">The target's resources, counted from the netlist.</param>
/// <param name="Weights">Where the weights landed.</param>
/// <param name="Netlist">The JSON netlist (iCE40 only; null otherwise).</param>
public sealed record YosysSynthesisResult(YosysResult Yosys, IReadOnlyList<ResourceUse> Resources, WeightPlacement Weights, string? Netlist);

/// <summary>
/// Synthesises a board design with the target family's yosys command in the folder that holds its
/// sources (so that <c>$readmemh</c> finds the ROM images), and counts what it used.
/// </summary>
public static class YosysSynthesis
{
    /// <summary>The yosys script for <paramref name="design"/>.</summary>
    public static YosysScript Script(BoardDesign design, string? netlist)
    {
        var script = new YosysScript();
        // HWGEN_SPRAM: the compact core's single-port memories (hwgen_cspram) go into the device's SPRAM.
        var defines = design.Target.SpramCells.Count > 0 ? "-DHWGEN_SPRAM " : "";
        foreach (var source in design.Sources)
            script.Command($"read_verilog -sv -defer {defines}{YosysScript.Quote(source)}");
        script.Command($"hierarchy -top {BoardDesign.TopModule}");
        var synth = $"{design.Target.YosysSynth} -top {BoardDesign.TopModule}";
        if (design.Target.YosysSynth.StartsWith("synth_intel_alm", StringComparison.Ordinal))
        {
            // yosys 0.23's abc9 LUT mapping in synth_intel_alm trips an assertion (count_id(cell->name) == 0)
            // on the generated core; giving every cell a fresh public name before that step avoids it.
            script.Command($"{synth} -run :map_luts");
            script.Command("rename -enumerate");
            script.Command($"{synth} -run map_luts:");
        }
        else if (design.Target.YosysSynth.StartsWith("synth_xilinx", StringComparison.Ordinal))
        {
            // The coarse step of synth_xilinx without its SAT-based "share" pass, which runs for
            // more than 40 minutes on cores with many lanes (it only merges multipliers used in
            // exclusive branches; without it the estimate can only be higher).
            script.Command($"{synth} -run :coarse");
            script.Command("techmap -map +/cmp2lut.v -map +/cmp2lcu.v -D LUT_WIDTH=6");
            script.Command("alumacc");
            script.Command("opt");
            script.Command("memory -nomap");
            script.Command("opt_clean");
            script.Command($"{synth} -run map_memory:");
        }
        else
        {
            script.Command(synth + (netlist is null ? "" : $" -json {YosysScript.Quote(netlist)}"));
        }
        script.Command($"tee -q -o ram_cells.txt select -list {CellSelection(design.Target.BlockRamCells)}");
        script.Command($"tee -q -o spram_cells.txt select -list {CellSelection(design.Target.SpramCells)}");
        script.Command("stat");
        return script;
    }

    /// <summary>Runs yosys in <paramref name="directory"/> (the design is written there); logs to <c>NAME.log</c>.</summary>
    public static YosysSynthesisResult Run(YosysDriver yosys, BoardDesign design, string directory, string name, bool writeNetlist,
        CancellationToken cancellation = default)
    {
        var netlist = writeNetlist ? BoardDesign.TopModule + ".json" : null;
        var result = yosys.Run(Script(design, netlist), directory, name, cancellation);
        var stat = result.Stat ?? throw new HwGenException($"yosys printed no statistics for {design.Target.Name}; see {result.LogFile}.");
        var resources = design.Target.Resources
            .Select(r => new ResourceUse(r.Name, stat.CellTypes.Where(c => r.Matches(c.Key)).Sum(c => c.Value), r.Available, "yosys"))
            .ToList();
        string Read(string file) => File.Exists(Path.Combine(directory, file)) ? File.ReadAllText(Path.Combine(directory, file)) : "";
        var weights = WeightPlacement.FromYosys(File.ReadAllText(result.LogFile), Read("ram_cells.txt"), Read("spram_cells.txt"),
            design.Core.Config.ParameterCount * 16L, design.Target.BlockRamName);
        return new YosysSynthesisResult(result, resources, weights, netlist is null ? null : Path.Combine(directory, netlist));
    }

    // select -list of no type at all must still be valid: "t:NONE" matches nothing.
    private static string CellSelection(IReadOnlyList<string> types) =>
        types.Count == 0 ? "t:__hwgen_none__" : string.Join(' ', types.Select(t => "t:" + t));
}
