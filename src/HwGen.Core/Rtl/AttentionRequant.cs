namespace HwGen.Rtl;

/// <summary>
/// One use of Requantize in hdl-templates/hwgen_attention.sv.hbs: the template emits a plan fold and
/// a requantizer named after <paramref name="Name"/> for values of <paramref name="Width"/> bits.
/// </summary>
/// <param name="Name">Suffix of the generated functions (requant_NAME, plan_NAME).</param>
/// <param name="Width">Width of the values requantized (signed).</param>
/// <param name="Use">What is requantized, for the generated comment.</param>
public sealed record AttentionRequant(string Name, int Width, string Use);
