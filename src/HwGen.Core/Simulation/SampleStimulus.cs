namespace HwGen.Simulation;

/// <summary>
/// One sample to generate (docs/hardware.md, "Stimulus file"): what the harness puts on the
/// core's start and prompt ports, and what the golden model is given.
/// </summary>
/// <param name="Id">The sample's number; results name it.</param>
/// <param name="Seed">The 32-bit PRNG seed.</param>
/// <param name="Temperature">The temperature as an unsigned UQ8.8 code (<see cref="Golden.Temperature"/>).</param>
/// <param name="Greedy">True: argmax; false: sample with the temperature.</param>
/// <param name="MaxLen">Most tokens to emit; 0: until BOS or the block is full.</param>
/// <param name="Prompt">Tokens fed at positions 1..k before anything is sampled (never BOS).</param>
public sealed record SampleStimulus(int Id, uint Seed, ushort Temperature, bool Greedy, int MaxLen, IReadOnlyList<int> Prompt);
