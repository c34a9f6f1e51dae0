namespace HwGen.Rtl;

/// <summary>
/// How the lanes (multipliers) of the matrix-vector engine are arranged: <see cref="Lanes"/> =
/// <see cref="RowGroups"/> x <see cref="Columns"/>. Each cycle the engine reads one chunk of
/// <see cref="Columns"/> consecutive input elements, shared by all row groups, and multiplies it
/// with the same chunk of <see cref="RowGroups"/> consecutive weight rows.
/// </summary>
/// <param name="Lanes">Multipliers in all.</param>
/// <param name="Columns">Column lanes C = min(Lanes, n_embd): input elements per cycle.</param>
/// <param name="RowGroups">Row groups R = Lanes / C: output rows finished per pass over the columns.</param>
public sealed record LaneGrid(int Lanes, int Columns, int RowGroups)
{
    /// <summary>The grid of <paramref name="lanes"/> lanes for a model shape; throws <see cref="HwGenException"/> when it has none.</summary>
    public static LaneGrid For(Model.ModelConfig config, int lanes)
    {
        if (lanes < 1)
            throw new HwGenException($"--lanes {lanes}: the lane count must be a positive integer (1 up to any width; n_embd gives one MAC per column).");
        var e = config.NEmbd;
        if (lanes <= e)
            return new LaneGrid(lanes, lanes, 1);
        if (lanes % e != 0)
            throw new HwGenException(
                $"--lanes {lanes}: above n_embd ({e}) the lanes form row groups of {e} column lanes, so the count must be a multiple of {e}; use {lanes / e * e} or {(lanes / e + 1) * e}.");
        return new LaneGrid(lanes, e, lanes / e);
    }
}
