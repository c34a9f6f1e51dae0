using System.Globalization;
using HwGen.Model;
using HwGen.Rtl;
using HwGen.Simulation;

namespace HwGen.Verification;

/// <summary>
/// Checks the generator's cycle model against a simulation with exact equality: for every sample,
/// every step's cycles per stage and the cycles at which
/// each token left the core and the done pulse came (<see cref="RtlSchedule.Predict"/>), all
/// predicted from the model shape, lanes, positions and the tokens the reference chose (and, for the compact
/// core, each step's count of nonzero MLP hidden codes the reference reports).
/// </summary>
public static class CycleModelCheck
{
    /// <summary>Compares sample by sample; the lists hold the same samples in the same order.</summary>
    public static CycleModelReport Run(RtlSchedule schedule, ModelConfig config, IReadOnlyList<SampleStimulus> stimulus,
        IReadOnlyList<ExpectedSample> expected, IReadOnlyList<SampleResult> actual)
    {
        if (expected.Count != stimulus.Count || actual.Count != stimulus.Count)
            throw new HwGenException($"Cycle model check: the stimulus has {stimulus.Count} samples, the reference {expected.Count} and the simulation {actual.Count}; all must be the same samples.");
        var names = schedule.Stages.Select(s => s.Name).ToArray();
        long compared = 0, mismatches = 0;
        CycleMismatch? first = null;
        void Compare(CycleMismatch m)
        {
            compared++;
            if (m.Predicted != m.Simulated)
            {
                mismatches++;
                first ??= m;
            }
        }

        for (var i = 0; i < stimulus.Count; i++)
        {
            var (s, e, a) = (stimulus[i], expected[i], actual[i]);
            var prompt = s.Prompt.Count;
            // The reference chose a token after every step past the prompt; a sample whose steps
            // outnumber prompt + emitted tokens chose BOS at its last step.
            var chosen = e.Logits.Count > prompt + e.Tokens.Count ? e.Tokens.Append(config.Bos).ToArray() : e.Tokens.ToArray();
            if (schedule.DataDependent && e.HiddenNonzero is null)
                throw new HwGenException($"Cycle model check: the step's cycles depend on each step's nonzero MLP hidden codes, which the reference of sample {s.Id} does not report; check against the golden model.");
            var timeline = schedule.Predict(config, prompt, chosen, s.Greedy || s.Temperature == 0, s.MaxLen, e.HiddenNonzero);

            var steps = Math.Min(timeline.Steps.Count, a.Stages.Count);
            for (var step = 0; step < steps; step++)
            {
                var predicted = timeline.Steps[step];
                var codes = predicted.Select(p => p.Code).Union(a.Stages[step].Select(c => c.Code)).Order();
                foreach (var code in codes)
                {
                    var p = predicted.FirstOrDefault(x => x.Code == code)?.Cycles ?? 0;
                    Compare(new CycleMismatch(s.Id, step, "stage", CoreStage.Name(code, names), p, a.StageCyclesAt(step, code)));
                }
            }
            Compare(new CycleMismatch(s.Id, -1, "steps", "", timeline.Steps.Count, a.Stages.Count));

            var tokens = Math.Min(timeline.TokenCycles.Count, a.Tokens.Count);
            for (var k = 0; k < tokens; k++)
                Compare(new CycleMismatch(s.Id, prompt + k, "token", k.ToString(CultureInfo.InvariantCulture), timeline.TokenCycles[k], a.Tokens[k].Cycle - a.StartCycle));
            Compare(new CycleMismatch(s.Id, -1, "tokens", "", timeline.TokenCycles.Count, a.Tokens.Count));
            Compare(new CycleMismatch(s.Id, timeline.Steps.Count - 1, "done", "", timeline.DoneCycle, a.DoneCycle - a.StartCycle));
        }
        return new CycleModelReport(compared, mismatches, first);
    }
}
