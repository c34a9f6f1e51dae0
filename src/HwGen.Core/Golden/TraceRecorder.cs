using HwGen.Numerics;
using HwGen.Quantization;
using HwGen.Reference;

namespace HwGen.Golden;

/// <summary>
/// Keeps every site's codes of every step (as <see cref="IFixedObserver"/>), named as
/// <see cref="SiteNames.Of"/> ("layer0.attn_scores"), to locate where another implementation of the
/// datapath (the RTL) first departs from the golden model.
/// </summary>
public sealed class TraceRecorder : IFixedObserver
{
    private readonly List<List<(string Name, int[] Codes)>> _steps = [];

    /// <summary>Per step, the sites in step order with their codes.</summary>
    public IReadOnlyList<IReadOnlyList<(string Name, int[] Codes)>> Steps => _steps;

    /// <inheritdoc />
    public void Observe(ActivationSite site, int layer, QFormat format, ReadOnlySpan<int> codes)
    {
        if (site == ActivationSite.Embedding)
            _steps.Add([]);
        _steps[^1].Add((SiteNames.Of(site, layer), codes.ToArray()));
    }

    /// <summary>The codes of <paramref name="tensor"/> at <paramref name="step"/>.</summary>
    public int[] Tensor(int step, string tensor) =>
        _steps[step].FirstOrDefault(t => t.Name == tensor).Codes ?? throw new ArgumentException($"no tensor '{tensor}' at step {step}", nameof(tensor));

    /// <summary>
    /// The first difference between this trace and <paramref name="other"/>, in step order, then site
    /// order, then index; null when they are equal on every tensor both have.
    /// </summary>
    public TraceDivergence? FirstDivergence(TraceRecorder other)
    {
        for (var s = 0; s < Math.Min(_steps.Count, other._steps.Count); s++)
        {
            foreach (var (name, codes) in _steps[s])
            {
                var theirs = other._steps[s].FirstOrDefault(t => t.Name == name).Codes;
                if (theirs is null)
                    continue;
                for (var i = 0; i < Math.Min(codes.Length, theirs.Length); i++)
                {
                    if (codes[i] != theirs[i])
                        return new TraceDivergence(s, name, i, codes[i], theirs[i]);
                }
                if (codes.Length != theirs.Length)
                    return new TraceDivergence(s, name, Math.Min(codes.Length, theirs.Length), null, null);
            }
        }
        return _steps.Count == other._steps.Count ? null : new TraceDivergence(Math.Min(_steps.Count, other._steps.Count), "(step count)", 0, null, null);
    }
}

/// <summary>Where two traces first differ: step, tensor name, index and the two codes (null when one is missing).</summary>
public sealed record TraceDivergence(int Step, string Tensor, int Index, int? Expected, int? Actual)
{
    public override string ToString() => $"step {Step}, {Tensor}[{Index}]: expected {Expected?.ToString() ?? "-"}, got {Actual?.ToString() ?? "-"}";
}
