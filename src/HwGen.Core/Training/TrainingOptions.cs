namespace HwGen.Training;

/// <summary>
/// How to train. The defaults are microGPT's (Adam lr 0.01 decaying linearly to 0, beta1 0.85,
/// beta2 0.99, eps 1e-8, init std 0.08) except the number of steps and documents per step,
/// which are those of the shipped default model.
/// </summary>
/// <param name="Steps">Optimizer steps.</param>
/// <param name="Seed">Seed of the <see cref="TrainingRandom"/> that draws the weights and shuffles the documents.</param>
/// <param name="BatchSize">Documents per step; the step's loss is the mean of their per-document mean losses.</param>
/// <param name="LearningRate">Adam's learning rate at step 0; it falls linearly to 0 at the last step.</param>
/// <param name="Beta1">Adam's first-moment decay.</param>
/// <param name="Beta2">Adam's second-moment decay.</param>
/// <param name="Eps">Adam's epsilon, added to the square root of the second moment.</param>
/// <param name="InitStd">Standard deviation of the Gaussian initial weights.</param>
public sealed record TrainingOptions(
    int Steps = TrainingOptions.DefaultSteps,
    long Seed = TrainingOptions.DefaultSeed,
    int BatchSize = TrainingOptions.DefaultBatchSize,
    double LearningRate = 0.01,
    double Beta1 = 0.85,
    double Beta2 = 0.99,
    double Eps = 1e-8,
    double InitStd = 0.08)
{
    public const int DefaultSteps = 4000;
    public const int DefaultBatchSize = 16;
    public const long DefaultSeed = 42;

    /// <summary>Checks the options and returns them; throws <see cref="HwGenException"/> naming the first bad one.</summary>
    public TrainingOptions Validated()
    {
        if (Steps <= 0)
            throw new HwGenException($"--steps is {Steps}; give a positive number of optimizer steps.");
        if (BatchSize <= 0)
            throw new HwGenException($"--batch is {BatchSize}; give a positive number of documents per step.");
        if (!(LearningRate > 0) || double.IsInfinity(LearningRate))
            throw new HwGenException($"--lr is {LearningRate}; give a positive finite learning rate such as 0.01.");
        if (!(Beta1 >= 0 && Beta1 < 1) || !(Beta2 >= 0 && Beta2 < 1) || !(Eps > 0) || !(InitStd > 0))
            throw new HwGenException($"Adam settings beta1 {Beta1}, beta2 {Beta2}, eps {Eps}, init std {InitStd} are out of range; betas must be in [0, 1), eps and std positive.");
        return this;
    }
}
