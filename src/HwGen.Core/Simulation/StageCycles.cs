namespace HwGen.Simulation;

/// <summary>The cycles the core showed one <c>dbg_stage_o</c> code during one step (docs/hardware.md, "Results file").</summary>
/// <param name="Code">The code: a program instruction's index, or a core phase (<see cref="Rtl.CoreStage"/>).</param>
/// <param name="Cycles">Cycles with that code in the step's record.</param>
public sealed record StageCycles(int Code, long Cycles);
