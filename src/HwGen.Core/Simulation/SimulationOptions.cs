namespace HwGen.Simulation;

/// <summary>How a simulation runs.</summary>
/// <param name="MaxCyclesPerSample">The cycle watchdog: a sample that takes longer stops the simulation with an error.</param>
/// <param name="Timeout">The wall-clock limit of the simulation program (the build has its own).</param>
/// <param name="TraceFile">Write an FST waveform here (builds a trace-enabled harness); null: no trace.</param>
public sealed record SimulationOptions(long MaxCyclesPerSample, TimeSpan Timeout, string? TraceFile = null)
{
    /// <summary>The default cycle watchdog per sample.</summary>
    public const long DefaultMaxCycles = 10_000_000;

    /// <summary>The default wall-clock limit of one simulation run.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(10);

    /// <summary>The defaults: watchdog <see cref="DefaultMaxCycles"/>, timeout <see cref="DefaultTimeout"/>, no trace.</summary>
    public static SimulationOptions Default { get; } = new(DefaultMaxCycles, DefaultTimeout);
}
