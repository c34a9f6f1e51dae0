using HwGen.Model;

namespace HwGen.Rtl;

/// <summary>
/// The schedule of hwgen_attention (hdl-templates/hwgen_attention.sv.hbs): how many heads it runs at
/// once for a lanes setting, its score pipeline depth, and the exact cycles from start_i to done_o.
/// </summary>
/// <remarks>
/// Heads run in groups of <see cref="HeadsPerGroup"/> head units (head_dim multipliers each): the
/// largest divisor G of n_head with G * head_dim &lt;= max(lanes, head_dim). Per group, at position p
/// (P = p + 1 issues per pass, one cached position per cycle): a score pass (issues, then
/// <see cref="ScoreStages"/> = D stages up to the running maximum), an exp pass (P issues + 1 stage
/// into Z), the reciprocal (2 cycles, one unit per head), and the fused weights/output pass (P
/// issues + 3 stages, the last one requantizes AttnOutput). Group 0 multiplies q_i . k_i (position p)
/// in the start_i cycle while it issues the cache read of position 0 (k_i is written to the cache a
/// few cycles later, when the score pass leaves the port free); every later group's score pass runs while the
/// group before it does its exp, reciprocal and weights passes, so consecutive groups start their
/// exp passes 2p + 6 cycles apart. Hence
/// Cycles = Groups * (2p + 6) + p + D + 2 (D = 4 when head_dim is a power of 4, else 5).
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

    /// <summary>The number of head groups.</summary>
    public static int Groups(ModelConfig c, int lanes) => c.NHead / HeadsPerGroup(c, lanes);

    /// <summary>
    /// Score pipeline stages after the issue: multiply, add tree, [scale,] requantize, maximum. The
    /// scale stage exists only when head_dim is not a power of 4 (docs/numerics.md 5.2: else it is a
    /// shift, folded into the requantize shift).
    /// </summary>
    public static int ScoreStages(ModelConfig c) => IsPowerOf4(c.HeadDim) ? 4 : 5;

    /// <summary>Cycles from start_i (cycle 0) to done_o (cycle N) at position <paramref name="pos"/>.</summary>
    public static int Cycles(ModelConfig c, int lanes, int pos)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pos);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(pos, c.BlockSize);
        return Groups(c, lanes) * (2 * pos + 6) + pos + ScoreStages(c) + 2;
    }

    private static bool IsPowerOf4(int n)
    {
        var v = 1L;
        while (v < n)
            v *= 4;
        return v == n;
    }
}
