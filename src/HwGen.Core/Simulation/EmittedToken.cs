namespace HwGen.Simulation;

/// <summary>A token the core emitted, and the value of its cycle counter at the transfer.</summary>
public readonly record struct EmittedToken(int Token, long Cycle);
