namespace HwGen.Model;

/// <summary>The safetensors element types HwGen reads and writes. Every one widens to double exactly.</summary>
public enum SafeTensorsDType
{
    /// <summary>IEEE 754 binary16 (1 sign, 5 exponent, 10 mantissa bits).</summary>
    F16,

    /// <summary>bfloat16: the upper half of a binary32 (1 sign, 8 exponent, 7 mantissa bits).</summary>
    BF16,

    /// <summary>IEEE 754 binary32.</summary>
    F32,

    /// <summary>IEEE 754 binary64.</summary>
    F64,
}
