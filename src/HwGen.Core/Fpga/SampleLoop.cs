using HwGen.Golden;

namespace HwGen.Fpga;

/// <summary>
/// What the board's start loop feeds the core: sample k gets seed <see cref="SeedBase"/> + k, the
/// temperature code, the mode; no prompt and no length limit.
/// </summary>
/// <param name="SeedBase">The seed of sample 0.</param>
/// <param name="TemperatureCode">The temperature as an unsigned UQ8.8 code.</param>
/// <param name="Greedy">True: argmax; false: sample at the temperature.</param>
public sealed record SampleLoop(uint SeedBase, int TemperatureCode, bool Greedy)
{
    /// <summary>The default loop: seed 42, temperature 0.5, sampled (as <c>hwgen simulate</c>).</summary>
    public static SampleLoop Default { get; } = For(42, 0.5, false);

    /// <summary>The loop for a run seed and a temperature.</summary>
    public static SampleLoop For(int seed, double temperature, bool greedy) =>
        new(unchecked((uint)seed), Temperature.ToCode(temperature), greedy);

    /// <summary>The seed of sample <paramref name="index"/> (wrapping, as the hardware's 32-bit adder).</summary>
    public uint SeedOf(int index) => unchecked(SeedBase + (uint)index);
}
