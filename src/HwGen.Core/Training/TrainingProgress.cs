namespace HwGen.Training;

/// <summary>Reported after every optimizer step.</summary>
/// <param name="Step">Steps done, 1 .. <paramref name="Steps"/>.</param>
/// <param name="Steps">Steps in the run.</param>
/// <param name="Loss">This step's loss (mean over its documents).</param>
/// <param name="RunningLoss">The mean loss of the last (up to) 100 steps.</param>
public readonly record struct TrainingProgress(int Step, int Steps, double Loss, double RunningLoss);
