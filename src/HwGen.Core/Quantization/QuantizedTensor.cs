using System.Collections.Immutable;
using HwGen.Numerics;

namespace HwGen.Quantization;

/// <summary>One weight tensor as 16-bit codes, with the figures the manifest reports.</summary>
/// <param name="Name">The state_dict name, e.g. "layer0.attn_wq".</param>
/// <param name="Rows">Rows ([out]).</param>
/// <param name="Cols">Columns ([in]).</param>
/// <param name="Format">The format of the codes.</param>
/// <param name="Codes">Rows * Cols codes, row-major.</param>
/// <param name="MaxAbs">The largest |w| of the float weights.</param>
/// <param name="SnrDb">10 log10(sum w^2 / sum (w - q)^2); +infinity when quantization is exact.</param>
/// <param name="Clipped">How many weights were outside the format and saturated.</param>
public sealed record QuantizedTensor(string Name, int Rows, int Cols, QFormat Format, ImmutableArray<short> Codes, double MaxAbs, double SnrDb, int Clipped)
{
    /// <summary>The .mem file name: dots become underscores, e.g. "layer0_attn_wq.mem".</summary>
    public string FileName => Model.TensorNames.FileStem(Name) + ".mem";
}
