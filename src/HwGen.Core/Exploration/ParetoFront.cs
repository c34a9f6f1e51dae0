namespace HwGen.Exploration;

/// <summary>
/// The Pareto front of cycles per token against logic units, both to be small: a point is on the
/// front when no other point is at least as good on both and better on one. Only passed points
/// with both figures take part; a failed point, or one without a resource estimate, is never on it.
/// </summary>
public static class ParetoFront
{
    /// <summary>The indices of <paramref name="points"/> (cycles per token, logic units) on the front.</summary>
    public static IReadOnlySet<int> Indices(IReadOnlyList<(double Cycles, double Logic)> points)
    {
        var front = new HashSet<int>();
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            var dominated = false;
            for (var j = 0; j < points.Count && !dominated; j++)
            {
                var q = points[j];
                dominated = j != i && q.Cycles <= p.Cycles && q.Logic <= p.Logic && (q.Cycles < p.Cycles || q.Logic < p.Logic);
            }
            if (!dominated)
                front.Add(i);
        }
        return front;
    }

    /// <summary><paramref name="results"/> with <see cref="PointResult.Pareto"/> set for the points on the front.</summary>
    public static IReadOnlyList<PointResult> Mark(IReadOnlyList<PointResult> results)
    {
        var eligible = results
            .Select((r, i) => (r, i))
            .Where(x => x.r is { Passed: true, CyclesPerToken: not null, Resources: not null })
            .ToList();
        var front = Indices(eligible.Select(x => (x.r.CyclesPerToken!.Value, (double)x.r.Resources!.Logic.Used)).ToList());
        var onFront = front.Select(k => eligible[k].i).ToHashSet();
        return results.Select((r, i) => r with { Pareto = onFront.Contains(i) }).ToList();
    }
}
