using System.Buffers.Binary;

namespace HwGen.Model;

/// <summary>
/// Names, sizes and little-endian encodings of <see cref="SafeTensorsDType"/>. Decoding is exact;
/// encoding rounds to nearest, ties to even, in one step from double (no double rounding).
/// </summary>
public static class SafeTensorsDTypeCodec
{
    /// <summary>The dtype names as the safetensors header spells them, in enum order.</summary>
    public static IReadOnlyList<string> Names { get; } = Enum.GetNames<SafeTensorsDType>();

    /// <summary>Bytes per element.</summary>
    public static int Size(this SafeTensorsDType dtype) => dtype switch
    {
        SafeTensorsDType.F16 or SafeTensorsDType.BF16 => 2,
        SafeTensorsDType.F32 => 4,
        SafeTensorsDType.F64 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, null),
    };

    /// <summary>Parses a header dtype name; the match is exact (case-sensitive), as in safetensors.</summary>
    public static bool TryParse(string? name, out SafeTensorsDType dtype)
    {
        for (var i = 0; i < Names.Count; i++)
        {
            if (string.Equals(Names[i], name, StringComparison.Ordinal))
            {
                dtype = (SafeTensorsDType)i;
                return true;
            }
        }
        dtype = default;
        return false;
    }

    /// <summary>Reads element <paramref name="index"/> of <paramref name="data"/> and widens it to double (exact).</summary>
    public static double Read(this SafeTensorsDType dtype, ReadOnlySpan<byte> data, int index) => dtype switch
    {
        SafeTensorsDType.F16 => (double)BinaryPrimitives.ReadHalfLittleEndian(data[(2 * index)..]),
        SafeTensorsDType.BF16 => BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadUInt16LittleEndian(data[(2 * index)..]) << 16),
        SafeTensorsDType.F32 => BinaryPrimitives.ReadSingleLittleEndian(data[(4 * index)..]),
        SafeTensorsDType.F64 => BinaryPrimitives.ReadDoubleLittleEndian(data[(8 * index)..]),
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, null),
    };

    /// <summary>
    /// Rounds <paramref name="value"/> to the nearest value of the dtype (ties to even). The result
    /// is infinite when a finite value is beyond the dtype's range.
    /// </summary>
    public static double Round(this SafeTensorsDType dtype, double value) => dtype switch
    {
        // (p, emin, emax): mantissa bits incl. the implicit one, smallest and largest normal exponents.
        SafeTensorsDType.F16 => RoundTo(value, 11, -14, 15),
        SafeTensorsDType.BF16 => RoundTo(value, 8, -126, 127),
        SafeTensorsDType.F32 => (float)value,
        SafeTensorsDType.F64 => value,
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, null),
    };

    /// <summary>
    /// Writes <paramref name="value"/>, rounded with <see cref="Round"/>, as element
    /// <paramref name="index"/> of <paramref name="data"/>.
    /// </summary>
    public static void Write(this SafeTensorsDType dtype, Span<byte> data, int index, double value)
    {
        var rounded = dtype.Round(value);
        switch (dtype)
        {
            case SafeTensorsDType.F16:
                // Exactly representable in binary16, so the conversion from binary32 is exact.
                BinaryPrimitives.WriteHalfLittleEndian(data[(2 * index)..], (Half)(float)rounded);
                break;
            case SafeTensorsDType.BF16:
                // Exactly representable in bfloat16: the low 16 bits of the binary32 are zero.
                BinaryPrimitives.WriteUInt16LittleEndian(data[(2 * index)..], (ushort)(BitConverter.SingleToUInt32Bits((float)rounded) >> 16));
                break;
            case SafeTensorsDType.F32:
                BinaryPrimitives.WriteSingleLittleEndian(data[(4 * index)..], (float)rounded);
                break;
            case SafeTensorsDType.F64:
                BinaryPrimitives.WriteDoubleLittleEndian(data[(8 * index)..], rounded);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(dtype), dtype, null);
        }
    }

    /// <summary>Round to a binary format with <paramref name="precision"/> significant bits, normal exponents emin..emax.</summary>
    private static double RoundTo(double value, int precision, int emin, int emax)
    {
        if (!double.IsFinite(value) || value == 0)
            return value;
        var exponent = Math.Max(Math.ILogB(value), emin);
        // value / quantum and back are exact (powers of two, far from double's own limits);
        // Math.Round is exact on doubles.
        var quantum = Math.ScaleB(1.0, exponent - (precision - 1));
        var rounded = Math.Round(value / quantum, MidpointRounding.ToEven) * quantum;
        var max = Math.ScaleB(2.0 - Math.ScaleB(1.0, 1 - precision), emax);
        return Math.Abs(rounded) > max ? Math.CopySign(double.PositiveInfinity, value) : rounded;
    }
}
