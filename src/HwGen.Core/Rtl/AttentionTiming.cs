using HwGen.Model;

namespace HwGen.Rtl;

/// <summary>
/// The schedule of hwgen_attention (hdl-templates/hwgen_attention.sv.hbs): how many heads it runs at
/// once for a lanes setting, its score pipeline depth, and the exact cycles from start_i to done_o.
/// </summary>
/// <remarks>
/// Heads run in groups of <see cref="HeadsPerGroup"/> head units (head_dim multipliers each): the
/// largest divisor G of n_head with G * head_dim &lt;= max(lanes, head_dim). Per group, at position p
/// (P = p + 1 issues per pass, one cached position per cycle): a score pass (issues, then D stages
/// up to the running maximum), an exp pass (P issues + 1 stage into Z), the reciprocal (2 cycles,
/// one unit per head), and the fused weights/output pass (P
/// issues + 3 stages, the last one requantizes AttnOutput). Group 0 multiplies q_i . k_i (position p)
/// in the start_i cycle while it issues the cache read of position 0 (k_i is written to the cache a
/// few cycles later, when the score pass leaves the port free), so its exp pass starts in cycle
/// p + D (D = <see cref="ScoreStages"/>). The exp passes of consecutive groups start
/// <see cref="GroupPeriod"/> = T cycles apart; each later group's score pass runs inside the period
/// before its exp pass, its multiplies between the weights passes of the groups around it. Hence
/// Cycles = p + D + (Groups - 1) * T + 2p + 8.
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

    /// <summary>
    /// T: cycles between the starts of consecutive groups' exp passes at position <paramref name="pos"/>,
    /// max(2p + 2, ceil((3p + D + 7) / 2)). 2p + 2: the multipliers serve one score pass and one
    /// weights pass per group; the other bound lets a group's score pass, started between two weights
    /// passes, reach its maximum before its exp pass.
    /// </summary>
    public static int GroupPeriod(ModelConfig c, int pos) => Math.Max(2 * pos + 2, (3 * pos + ScoreStages(c) + 8) / 2);

    /// <summary>Cycles from start_i (cycle 0) to done_o (cycle N) at position <paramref name="pos"/>.</summary>
    public static int Cycles(ModelConfig c, int lanes, int pos)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pos);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(pos, c.BlockSize);
        return pos + ScoreStages(c) + (Groups(c, lanes) - 1) * GroupPeriod(c, pos) + 2 * pos + 8;
    }

    private static bool IsPowerOf4(int n)
    {
        var v = 1L;
        while (v < n)
            v *= 4;
        return v == n;
    }
}
