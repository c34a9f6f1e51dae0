using HwGen.Model;

namespace HwGen.Rtl;

/// <summary>
/// The schedule of hwgen_attention (hdl-templates/hwgen_attention.sv.hbs): how many heads it runs at
/// once for a lanes setting, and the exact cycles from start_i to done_o.
/// </summary>
/// <remarks>
/// Heads run in groups of <see cref="HeadsPerGroup"/> head units (head_dim multipliers each): the
/// largest divisor G of n_head with G * head_dim &lt;= max(lanes, head_dim). The n_head / G groups run
/// one after the other; each takes, at position p, 3p + G + 15 cycles: p + 1 score issues and 5
/// pipeline stages, p + 1 exp issues and 2 stages, G reciprocal issues and 1 stage, p + 1
/// weight/output issues and 3 stages, one capture cycle. One cycle (start_i, which writes the KV
/// cache) comes first.
/// </remarks>
public static class AttentionTiming
{
    /// <summary>Heads processed in parallel (one head unit each) at <paramref name="lanes"/> lanes.</summary>
    public static int HeadsPerGroup(ModelConfig c, int lanes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lanes, 1);
        var budget = Math.Max(lanes, c.HeadDim) / c.HeadDim;
        var g = Math.Min(budget, c.NHead);
        while (c.NHead % g != 0)
            g--;
        return g;
    }

    /// <summary>The number of head groups, run one after the other.</summary>
    public static int Groups(ModelConfig c, int lanes) => c.NHead / HeadsPerGroup(c, lanes);

    /// <summary>Cycles from start_i (cycle 0) to done_o (cycle N) at position <paramref name="pos"/>.</summary>
    public static int Cycles(ModelConfig c, int lanes, int pos)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pos);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(pos, c.BlockSize);
        var g = HeadsPerGroup(c, lanes);
        return 1 + c.NHead / g * (3 * pos + g + 15);
    }
}
