namespace HwGen.Golden;

/// <summary>
/// An RmsNorm's 1/sqrt factor (docs/numerics.md 5.1): <c>Y1 = Rsqrt(SS + E, out S)</c>, 1/sqrt(SS + E) ~= Y1 * 2^-(Fs + 15 - S/2);
/// the norm's outputs are <c>Rq(x_i * ((Y1 * RmsScale) &gt;&gt; 20), Fs + 15 - S/2)</c>.
/// </summary>
/// <param name="Y1">The 1/sqrt estimate (2^(Fs-1) .. 2^Fs).</param>
/// <param name="S">The even normalizing shift.</param>
public readonly record struct RmsFactor(long Y1, int S);
