namespace HwGen.Model;

/// <summary>A dense row-major matrix of doubles, [Rows, Cols]. Linear layers compute y = W x.</summary>
public sealed class Matrix
{
    public Matrix(int rows, int cols, double[] data)
    {
        if (rows <= 0 || cols <= 0)
            throw new ArgumentOutOfRangeException(nameof(rows), $"matrix shape [{rows}, {cols}] must be positive");
        if (data.Length != rows * cols)
            throw new ArgumentException($"matrix [{rows}, {cols}] needs {rows * cols} values, got {data.Length}", nameof(data));
        Rows = rows;
        Cols = cols;
        Data = data;
    }

    public Matrix(int rows, int cols) : this(rows, cols, new double[rows * cols]) { }

    public int Rows { get; }

    public int Cols { get; }

    /// <summary>Row-major storage: element [r, c] is at r * Cols + c.</summary>
    public double[] Data { get; }

    public double this[int row, int col]
    {
        get => Data[row * Cols + col];
        set => Data[row * Cols + col] = value;
    }

    /// <summary>Row <paramref name="row"/> as a span over the storage.</summary>
    public ReadOnlySpan<double> Row(int row) => Data.AsSpan(row * Cols, Cols);

    public Matrix Clone() => new(Rows, Cols, (double[])Data.Clone());
}
