namespace HwGen.Fpga;

/// <summary>
/// One kind of device resource and how many the device has, with the yosys cell types that use it
/// (a cell type ending in '*' matches every type with that prefix).
/// </summary>
/// <param name="Name">The name the report uses, e.g. "LC", "FF", "EBR", "DSP".</param>
/// <param name="Available">How many the device has.</param>
/// <param name="CellTypes">The yosys cell types that count towards it.</param>
/// <param name="NextpnrName">nextpnr-ice40's name for it in its utilisation table, when it reports it.</param>
public sealed record DeviceResource(string Name, int Available, IReadOnlyList<string> CellTypes, string? NextpnrName = null)
{
    /// <summary>True when <paramref name="cellType"/> counts towards this resource.</summary>
    public bool Matches(string cellType) => CellTypes.Any(t =>
        t.EndsWith('*') ? cellType.StartsWith(t[..^1], StringComparison.Ordinal) : cellType == t);
}
