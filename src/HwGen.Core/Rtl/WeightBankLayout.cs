namespace HwGen.Rtl;

/// <summary>Where one weight tensor sits in the banked weight ROM.</summary>
/// <param name="Name">The state_dict tensor name.</param>
/// <param name="Rows">Output rows.</param>
/// <param name="Cols">Input columns (the dot-product length).</param>
/// <param name="Chunks">Words per row in each bank: ceil(Cols / lanes).</param>
/// <param name="Base">Address of row 0, chunk 0 in every bank.</param>
public sealed record TensorPlacement(string Name, int Rows, int Cols, int Chunks, int Base)
{
    /// <summary>Words this tensor occupies in each bank.</summary>
    public int Depth => Rows * Chunks;
}

/// <summary>
/// The weight ROM of a design with L lanes: L banks that share one address, so one read gives the
/// L consecutive columns k*L .. k*L+L-1 of one row. Bank b at address Base + r*Chunks + k holds
/// W[r, k*L + b], or 0 past the last column. Tensors follow each other in model file order.
/// </summary>
public sealed class WeightBankLayout
{
    private readonly Dictionary<string, TensorPlacement> _byName;

    public WeightBankLayout(IEnumerable<(string Name, int Rows, int Cols)> tensors, int lanes)
    {
        if (lanes < 1)
            throw new ArgumentOutOfRangeException(nameof(lanes), lanes, "lanes must be at least 1");
        Lanes = lanes;
        var list = new List<TensorPlacement>();
        var next = 0;
        foreach (var (name, rows, cols) in tensors)
        {
            var chunks = (cols + lanes - 1) / lanes;
            var p = new TensorPlacement(name, rows, cols, chunks, next);
            list.Add(p);
            next += p.Depth;
        }
        Tensors = list;
        Depth = next;
        _byName = list.ToDictionary(p => p.Name);
    }

    public int Lanes { get; }

    /// <summary>Words in each bank.</summary>
    public int Depth { get; }

    public IReadOnlyList<TensorPlacement> Tensors { get; }

    public TensorPlacement this[string name] => _byName[name];

    /// <summary>
    /// The words of bank <paramref name="bank"/>, in address order, from each tensor's row-major
    /// int16 codes (<paramref name="codes"/>[name] has Rows*Cols entries).
    /// </summary>
    public short[] BankWords(int bank, Func<string, IReadOnlyList<short>> codes)
    {
        var words = new short[Depth];
        foreach (var t in Tensors)
        {
            var c = codes(t.Name);
            if (c.Count != t.Rows * t.Cols)
                throw new ArgumentException($"tensor '{t.Name}' has {c.Count} codes, expected {t.Rows * t.Cols}", nameof(codes));
            for (var r = 0; r < t.Rows; r++)
            {
                for (var k = 0; k < t.Chunks; k++)
                {
                    var col = k * Lanes + bank;
                    words[t.Base + r * t.Chunks + k] = col < t.Cols ? c[r * t.Cols + col] : (short)0;
                }
            }
        }
        return words;
    }
}
