namespace HwGen.Simulation;

/// <summary>
/// Why the harness stopped before the end: a sample ran past the cycle watchdog
/// (<c>watchdog</c> line) or the core broke the port contract (<c>protocol</c> line).
/// </summary>
/// <param name="Kind">"watchdog" or "protocol".</param>
/// <param name="SampleId">The sample that was running.</param>
/// <param name="Cycle">The core's cycle counter then.</param>
/// <param name="Detail">What the harness saw (protocol only; empty for the watchdog).</param>
public sealed record HarnessStop(string Kind, int SampleId, long Cycle, string Detail);
