namespace HwGen.Verification;

/// <summary>A cycle count where the generator's cycle model and the simulation differ.</summary>
/// <param name="Sample">The sample id.</param>
/// <param name="Step">The step (position fed); for "token" the step that chose it, for "done" the last step.</param>
/// <param name="What">"stage" (cycles of one stage in one step), "token" (the cycle a token left the core) or "done" (the done pulse).</param>
/// <param name="Name">The stage's name, or the token's number in the sample.</param>
/// <param name="Predicted">The cycle model's value (cycles, or a cycle counted from the start transfer).</param>
/// <param name="Simulated">The simulation's value.</param>
public sealed record CycleMismatch(int Sample, int Step, string What, string Name, long Predicted, long Simulated)
{
    /// <summary>One line such as "sample 3, step 5, stage layer0.q: predicted 41 cycles, simulated 42".</summary>
    public override string ToString() => What switch
    {
        "stage" => $"sample {Sample}, step {Step}, stage {Name}: predicted {Predicted} cycles, simulated {Simulated}",
        "token" => $"sample {Sample}, step {Step}, token {Name}: predicted at cycle {Predicted} after the start, simulated at {Simulated}",
        "tokens" => $"sample {Sample}: predicted {Predicted} tokens, simulated {Simulated}",
        "steps" => $"sample {Sample}: predicted {Predicted} steps, simulated {Simulated}",
        _ => $"sample {Sample}, step {Step}, done: predicted at cycle {Predicted} after the start, simulated at {Simulated}",
    };
}
