namespace HwGen.Simulation;

/// <summary>
/// One sample to generate (docs/hardware.md, "Stimulus file"): what the harness puts on the
/// core's start and prompt ports, and what the golden model is given.
/// </summary>
/// <param name="Id">The sample's number; results name it.</param>
/// <param name="Seed">The 32-bit PRNG seed.</param>
/// <param name="Temperature">The temperature as an unsigned UQ8.8 code (value = code / 256).</param>
/// <param name="Greedy">True: argmax; false: sample with the temperature.</param>
/// <param name="MaxLen">Most tokens to emit; 0: until BOS or the block is full.</param>
/// <param name="Prompt">Tokens fed at positions 1..k before anything is sampled (never BOS).</param>
public sealed record SampleStimulus(int Id, uint Seed, ushort Temperature, bool Greedy, int MaxLen, IReadOnlyList<int> Prompt)
{
    /// <summary>The UQ8.8 code of a temperature, rounded to nearest; throws when it does not fit or is not positive.</summary>
    public static ushort TemperatureCode(double temperature)
    {
        var code = Math.Round(temperature * 256.0, MidpointRounding.ToEven);
        if (double.IsNaN(temperature) || code < 1 || code > ushort.MaxValue)
            throw new HwGenException(
                $"Temperature {temperature} has no UQ8.8 code (1/256 .. 255.996); give a temperature in that range.");
        return (ushort)code;
    }
}
