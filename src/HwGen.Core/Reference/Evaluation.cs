namespace HwGen.Reference;

/// <summary>Measures an <see cref="ILogitModel"/> against golden logits or a corpus.</summary>
public static class Evaluation
{
    /// <summary>
    /// Runs every case of <paramref name="golden"/> with a fresh cache and compares the logits.
    /// Throws <see cref="HwGenException"/> when the golden file is for another model shape.
    /// </summary>
    public static GoldenComparison CompareGolden(ILogitModel model, GoldenFile golden, string modelWhere)
    {
        golden.CheckMatches(model.Config, modelWhere);
        double max = -1, sum = 0;
        long count = 0;
        int positions = 0, agree = 0, worstCase = 0, worstPos = 0, worstToken = 0;
        for (var ci = 0; ci < golden.Cases.Count; ci++)
        {
            var c = golden.Cases[ci];
            model.Reset();
            for (var p = 0; p < c.Tokens.Count; p++)
            {
                var logits = model.Step(c.Tokens[p]);
                var expected = c.Logits[p];
                for (var i = 0; i < expected.Length; i++)
                {
                    var e = Math.Abs(logits[i] - expected[i]);
                    sum += e;
                    count++;
                    if (e > max)
                        (max, worstCase, worstPos, worstToken) = (e, ci, p, i);
                }
                if (ArgMax(logits) == ArgMax(expected))
                    agree++;
                positions++;
            }
        }
        return new GoldenComparison(golden.Cases.Count, positions, max, sum / count, (double)agree / positions,
            worstCase, worstPos, worstToken);
    }

    /// <summary>
    /// microGPT's loss: for every document, the inputs are its first min(block_size, length - 1)
    /// tokens from a fresh cache, each predicting the next; the result is the mean NLL over all
    /// predicted tokens of all documents.
    /// </summary>
    public static CorpusLoss MeanNll(ILogitModel model, TokenCorpus corpus)
    {
        var block = model.Config.BlockSize;
        var total = 0.0;
        long tokens = 0;
        foreach (var doc in corpus.Documents)
        {
            model.Reset();
            var n = Math.Min(block, doc.Length - 1);
            for (var p = 0; p < n; p++)
            {
                total += Nll(model.Step(doc[p]), doc[p + 1]);
                tokens++;
            }
        }
        return new CorpusLoss(corpus.Documents.Count, tokens, total / tokens);
    }

    /// <summary>-log softmax(logits)[target], computed as logsumexp(logits) - logits[target].</summary>
    public static double Nll(ReadOnlySpan<double> logits, int target)
    {
        var max = double.NegativeInfinity;
        foreach (var v in logits)
            max = Math.Max(max, v);
        var sum = 0.0;
        foreach (var v in logits)
            sum += Math.Exp(v - max);
        return Math.Log(sum) + max - logits[target];
    }

    /// <summary>Index of the largest value; the lowest index wins a tie.</summary>
    public static int ArgMax(ReadOnlySpan<double> values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
                best = i;
        }
        return best;
    }
}
