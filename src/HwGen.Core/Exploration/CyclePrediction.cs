using HwGen.Model;
using HwGen.Rtl;
using HwGen.Simulation;
using HwGen.Verification;

namespace HwGen.Exploration;

/// <summary>
/// The cycles a design's schedule predicts for a stimulus, before any simulation: each sample's
/// timeline from <see cref="RtlSchedule.Predict"/> on the tokens the golden model chooses (the
/// hardware chooses the same ones when it is bit-exact), and the mean cycles per token.
/// </summary>
/// <param name="Timelines">Each sample's predicted token and done cycles, counted from its start transfer.</param>
/// <param name="Mean">Mean predicted cycles per emitted token (first token from the start, then token to token).</param>
public sealed record CyclePrediction(IReadOnlyList<SampleTimeline> Timelines, double Mean)
{
    /// <summary>The prediction of <paramref name="schedule"/> for <paramref name="stimulus"/>, whose golden outputs are <paramref name="expected"/>.</summary>
    public static CyclePrediction Of(RtlSchedule schedule, ModelConfig config, IReadOnlyList<SampleStimulus> stimulus, IReadOnlyList<ExpectedSample> expected)
    {
        var timelines = new SampleTimeline[stimulus.Count];
        long sum = 0, count = 0;
        for (var i = 0; i < stimulus.Count; i++)
        {
            var (s, e) = (stimulus[i], expected[i]);
            // A sample that ended on BOS fed every emitted token back, then chose BOS at one more step.
            var endedOnBos = e.Logits.Count == s.Prompt.Count + e.Tokens.Count + 1;
            var chosen = endedOnBos ? [.. e.Tokens, config.Bos] : e.Tokens;
            var t = schedule.Predict(config, s.Prompt.Count, chosen, s.Greedy, s.MaxLen, e.HiddenNonzero);
            timelines[i] = t;
            long previous = 0;
            foreach (var cycle in t.TokenCycles)
            {
                sum += cycle - previous;
                previous = cycle;
                count++;
            }
        }
        return new CyclePrediction(timelines, count == 0 ? 0 : (double)sum / count);
    }

    /// <summary>True when every simulated sample emitted its tokens and signalled done in exactly the predicted cycles.</summary>
    public bool Matches(IReadOnlyList<SampleResult> simulated) =>
        simulated.Count == Timelines.Count && simulated.Select((r, i) =>
            r.Tokens.Select(t => t.Cycle - r.StartCycle).SequenceEqual(Timelines[i].TokenCycles)
            && r.DoneCycle - r.StartCycle == Timelines[i].DoneCycle).All(ok => ok);
}
