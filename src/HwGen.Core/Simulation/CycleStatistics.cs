namespace HwGen.Simulation;

/// <summary>Mean, minimum and maximum of a set of cycle counts; all zero (Count 0) when the set is empty.</summary>
public sealed record CycleStatistics(int Count, double Mean, long Min, long Max)
{
    /// <summary>The statistics of <paramref name="values"/>.</summary>
    public static CycleStatistics Of(IEnumerable<long> values)
    {
        long count = 0, sum = 0, min = long.MaxValue, max = long.MinValue;
        foreach (var v in values)
        {
            count++;
            sum += v;
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }
        return count == 0 ? new CycleStatistics(0, 0, 0, 0) : new CycleStatistics((int)count, (double)sum / count, min, max);
    }
}
