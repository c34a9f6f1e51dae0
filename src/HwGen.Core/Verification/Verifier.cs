using HwGen.Simulation;

namespace HwGen.Verification;

/// <summary>
/// Compares what the simulated hardware produced with what the reference computed on the same
/// stimulus: every step's logit codes and every emitted token, with exact integer equality.
/// </summary>
public static class Verifier
{
    /// <summary>
    /// Compares sample by sample. The three lists hold the same samples in the same order. Token k of
    /// a sample is chosen at step (prompt length + k), which is the step a token divergence names.
    /// </summary>
    public static VerificationReport Compare(
        IReadOnlyList<SampleStimulus> stimulus, IReadOnlyList<ExpectedSample> expected, IReadOnlyList<SampleResult> actual)
    {
        if (expected.Count != stimulus.Count || actual.Count != stimulus.Count)
            throw new HwGenException($"Verification: the stimulus has {stimulus.Count} samples, the reference {expected.Count} and the simulation {actual.Count}; all must be the same samples.");
        int tokens = 0, steps = 0, mismatchedSamples = 0;
        long logits = 0, mismatches = 0;
        Divergence? first = null;
        for (var s = 0; s < stimulus.Count; s++)
        {
            var id = stimulus[s].Id;
            if (expected[s].Id != id || actual[s].Id != id)
                throw new HwGenException($"Verification: sample {s} is id {id} in the stimulus, {expected[s].Id} in the reference and {actual[s].Id} in the simulation; all must be the same samples.");
            tokens += expected[s].Tokens.Count;
            steps += expected[s].Logits.Count;
            var comparison = new SampleComparison(stimulus[s].Prompt.Count, expected[s], actual[s]);
            logits += comparison.LogitsCompared;
            mismatches += comparison.Mismatches;
            first ??= comparison.First;
            if (comparison.Mismatches > 0)
                mismatchedSamples++;
        }
        return new VerificationReport(stimulus.Count, tokens, steps, logits, mismatches, mismatchedSamples, first);
    }

    private sealed class SampleComparison
    {
        public SampleComparison(int promptLength, ExpectedSample e, SampleResult a)
        {
            var id = e.Id;
            var commonSteps = Math.Min(e.Logits.Count, a.Logits.Count);
            for (var step = 0; step < commonSteps; step++)
            {
                var ev = e.Logits[step];
                var av = a.Logits[step];
                if (ev.Count != av.Count)
                    throw new HwGenException($"Verification: sample {id} step {step} has {ev.Count} logits in the reference and {av.Count} in the simulation; the vocabulary sizes differ.");
                LogitsCompared += ev.Count;
                for (var i = 0; i < ev.Count; i++)
                {
                    if (ev[i] != av[i])
                        Note(new Divergence(id, step, "logits", i, ev[i], av[i]));
                }
                // The token chosen from this step's logits, if one was emitted.
                var k = step - promptLength;
                if (k >= 0 && k < e.Tokens.Count && k < a.Tokens.Count && e.Tokens[k] != a.Tokens[k].Token)
                    Note(new Divergence(id, step, "token", k, e.Tokens[k], a.Tokens[k].Token));
            }
            for (var k = Math.Max(0, commonSteps - promptLength); k < Math.Min(e.Tokens.Count, a.Tokens.Count); k++)
            {
                if (e.Tokens[k] != a.Tokens[k].Token)
                    Note(new Divergence(id, promptLength + k, "token", k, e.Tokens[k], a.Tokens[k].Token));
            }
            if (e.Logits.Count != a.Logits.Count)
                Note(new Divergence(id, commonSteps, "steps", -1, e.Logits.Count, a.Logits.Count));
            if (e.Tokens.Count != a.Tokens.Count)
            {
                var common = Math.Min(e.Tokens.Count, a.Tokens.Count);
                Note(new Divergence(id, promptLength + common, "tokens", -1, e.Tokens.Count, a.Tokens.Count));
            }
        }

        public long LogitsCompared { get; }

        public long Mismatches { get; private set; }

        public Divergence? First { get; private set; }

        private void Note(Divergence d)
        {
            Mismatches++;
            First ??= d;
        }
    }
}
