using System.Globalization;

namespace HwGen.Exploration;

/// <summary>The <c>--lanes</c> list of an exploration: comma-separated positive lane counts, each once.</summary>
public static class LaneList
{
    /// <summary>The largest lane count accepted (far beyond any useful width of the model family).</summary>
    public const int MaxLanes = 4096;

    /// <summary>Parses <paramref name="text"/>, e.g. "1,2,4,8"; the counts in the order given.</summary>
    /// <exception cref="HwGenException">An item is not a whole number from 1 to <see cref="MaxLanes"/>, is listed twice, or the list is empty.</exception>
    public static IReadOnlyList<int> Parse(string text)
    {
        const string Expected = "give a comma-separated list of lane counts from 1 to 4096, e.g. --lanes 1,2,4,8";
        var items = text.Split(',', StringSplitOptions.TrimEntries);
        if (text.Trim().Length == 0)
            throw new HwGenException($"--lanes '{text}' lists no lane count; {Expected}.");
        var lanes = new List<int>();
        foreach (var item in items)
        {
            if (item.Length == 0)
                throw new HwGenException($"--lanes '{text}' has an empty item; {Expected}.");
            if (!int.TryParse(item, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                throw new HwGenException($"--lanes '{text}': '{item}' is not a whole number; {Expected}.");
            if (n is < 1 or > MaxLanes)
                throw new HwGenException($"--lanes '{text}': {n} is not a lane count from 1 to {MaxLanes}; {Expected}.");
            if (lanes.Contains(n))
                throw new HwGenException($"--lanes '{text}': {n} is listed twice; give each lane count once.");
            lanes.Add(n);
        }
        return lanes;
    }
}
