namespace HwGen.Rtl;

/// <summary>Where one weight tensor sits in the banked weight ROM.</summary>
/// <param name="Name">The state_dict tensor name.</param>
/// <param name="Rows">Output rows.</param>
/// <param name="Cols">Input columns (the dot-product length).</param>
/// <param name="Chunks">Words per row in each bank: ceil(Cols / C).</param>
/// <param name="Steps">Row steps: ceil(Rows / R), each covering R consecutive rows.</param>
/// <param name="Base">Address of row step 0, chunk 0 in every bank.</param>
public sealed record TensorPlacement(string Name, int Rows, int Cols, int Chunks, int Steps, int Base)
{
    /// <summary>Words this tensor occupies in each bank.</summary>
    public int Depth => Steps * Chunks;

    /// <summary>The address and row group of row <paramref name="row"/>, chunk <paramref name="chunk"/>.</summary>
    public (int Address, int Group) Locate(int row, int chunk, LaneGrid grid) =>
        (Base + row / grid.RowGroups * Chunks + chunk, row % grid.RowGroups);
}

/// <summary>
/// The weight ROM of a design with a lane grid of R row groups x C column lanes: R*C banks that
/// share one address, so one read gives the C consecutive columns k*C .. k*C+C-1 of the R
/// consecutive rows s*R .. s*R+R-1. Bank g*C + b at address Base + s*Chunks + k holds
/// W[s*R + g, k*C + b], or 0 past the last row or column. Tensors follow each other in model file order.
/// </summary>
public sealed class WeightBankLayout
{
    private readonly Dictionary<string, TensorPlacement> _byName;

    public WeightBankLayout(IEnumerable<(string Name, int Rows, int Cols)> tensors, LaneGrid grid)
    {
        Grid = grid;
        var list = new List<TensorPlacement>();
        var next = 0;
        foreach (var (name, rows, cols) in tensors)
        {
            var p = new TensorPlacement(name, rows, cols, (cols + grid.Columns - 1) / grid.Columns,
                (rows + grid.RowGroups - 1) / grid.RowGroups, next);
            list.Add(p);
            next += p.Depth;
        }
        Tensors = list;
        Depth = next;
        _byName = list.ToDictionary(p => p.Name);
    }

    /// <summary>The lane grid the banks serve.</summary>
    public LaneGrid Grid { get; }

    /// <summary>Banks: R*C.</summary>
    public int Banks => Grid.Lanes;

    /// <summary>Words in each bank.</summary>
    public int Depth { get; }

    public IReadOnlyList<TensorPlacement> Tensors { get; }

    public TensorPlacement this[string name] => _byName[name];

    /// <summary>
    /// The words of bank <paramref name="bank"/> (= g*C + b), in address order, from each tensor's
    /// row-major int16 codes (<paramref name="codes"/>[name] has Rows*Cols entries).
    /// </summary>
    public short[] BankWords(int bank, Func<string, IReadOnlyList<short>> codes)
    {
        var g = bank / Grid.Columns;
        var b = bank % Grid.Columns;
        var words = new short[Depth];
        foreach (var t in Tensors)
        {
            var c = codes(t.Name);
            if (c.Count != t.Rows * t.Cols)
                throw new ArgumentException($"tensor '{t.Name}' has {c.Count} codes, expected {t.Rows * t.Cols}", nameof(codes));
            for (var s = 0; s < t.Steps; s++)
            {
                var row = s * Grid.RowGroups + g;
                for (var k = 0; k < t.Chunks; k++)
                {
                    var col = k * Grid.Columns + b;
                    words[t.Base + s * t.Chunks + k] = row < t.Rows && col < t.Cols ? c[row * t.Cols + col] : (short)0;
                }
            }
        }
        return words;
    }
}
