namespace HwGen.Tools;

/// <summary>
/// The slowest register-to-register path of one clock after routing, as nextpnr's "Critical path
/// report" gives it: where it starts and ends, and how its delay splits into logic and routing.
/// </summary>
/// <param name="Clock">The clock.</param>
/// <param name="From">The cell the path starts at, with yosys' generated suffixes cut off (the instance path and the signal it was named after).</param>
/// <param name="To">The cell it ends at, shortened the same way.</param>
/// <param name="Cells">Logic cells the path passes through, its start included.</param>
/// <param name="LogicNs">Delay in cells, in ns.</param>
/// <param name="RoutingNs">Delay in routing, in ns.</param>
public sealed record CriticalPath(string Clock, string From, string To, int Cells, double LogicNs, double RoutingNs)
{
    /// <summary>
    /// A cell name as the designer wrote it: yosys names mapped cells after a signal and appends
    /// what they became ("u_step.col_d_SB_LUT4_O_I2_SB_LUT4_O_LC.O"); this keeps the part before
    /// the first "_SB_" or "$" ("u_step.col_d").
    /// </summary>
    public static string Shorten(string cell)
    {
        var end = cell.Length;
        foreach (var marker in new[] { "_SB_", "$" })
        {
            var i = cell.IndexOf(marker, StringComparison.Ordinal);
            if (i > 0)
                end = Math.Min(end, i);
        }
        var name = cell[..end];
        // A name cut nowhere still ends in ".PIN" (the cell's pin): drop it.
        if (end == cell.Length && name.LastIndexOf('.') is var dot and > 0)
            name = name[..dot];
        return name;
    }
}
