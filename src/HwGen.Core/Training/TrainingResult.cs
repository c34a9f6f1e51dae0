using HwGen.Model;

namespace HwGen.Training;

/// <summary>The outcome of <see cref="Trainer.Train"/>.</summary>
/// <param name="Model">The trained weights, rounded to float32 exactly as they are saved.</param>
/// <param name="Steps">Optimizer steps taken.</param>
/// <param name="Documents">Documents seen (steps times batch size).</param>
/// <param name="FinalLoss">The mean loss of the last (up to) 100 steps.</param>
public sealed record TrainingResult(ModelWeights Model, int Steps, long Documents, double FinalLoss);
