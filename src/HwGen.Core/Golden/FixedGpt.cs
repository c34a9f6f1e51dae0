using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using HwGen.Model;
using HwGen.Numerics;
using HwGen.Quantization;
using HwGen.Reference;

namespace HwGen.Golden;

/// <summary>
/// The golden model: the integer-only decode step of docs/numerics.md section 5, run from a
/// <see cref="NumericsPlan"/>. Keys and values are cached as 16-bit codes; every site's codes can be
/// observed (<see cref="IFixedObserver"/>); every Requantize that saturates is counted per site.
/// All buffers are allocated once; <see cref="StepCodes"/> allocates nothing.
/// </summary>
public sealed class FixedGpt : ILogitModel
{
    private const int SiteCount = 16; // values of ActivationSite

    private readonly NumericsPlan _plan;
    private readonly NonlinearUnits _units;
    private readonly IFixedObserver? _observer;
    private readonly ModelConfig _c;
    private readonly Rounding _rounding;
    private readonly bool _nearestEven;

    private readonly QFormat[] _fmt;   // per slot
    private readonly int[] _frac;      // per slot
    private readonly long[] _sat;      // per slot
    private readonly long[] _eps;      // per slot (norm sites)
    private readonly bool[] _used;     // per slot
    private readonly TensorCodes _wte, _wpe, _lm;
    private readonly LayerCodes[] _layers;
    private readonly int[][] _keys, _values;
    private readonly int[] _x0, _x, _xn, _q, _attn, _proj, _hidden, _logits;
    private readonly int[] _hiddenNonzero;  // per layer, of the last step
    private readonly int[] _scores, _weights;
    private readonly long[] _exps;
    private readonly long _rmsScale;
    private readonly int _scoreShift;
    private readonly long _scoreScale;

    /// <param name="plan">Formats, weights and tables.</param>
    /// <param name="observer">When given, sees every site of every step.</param>
    public FixedGpt(NumericsPlan plan, IFixedObserver? observer = null)
    {
        _plan = plan;
        _c = plan.Config;
        _units = new NonlinearUnits(plan.Tables);
        _observer = observer;
        _rounding = plan.Rounding;
        _nearestEven = _rounding == Rounding.NearestEven;
        var slots = (_c.NLayer + 1) * SiteCount;
        _fmt = new QFormat[slots];
        _frac = new int[slots];
        _sat = new long[slots];
        _eps = new long[slots];
        _used = new bool[slots];
        foreach (var s in plan.Sites)
        {
            var slot = Slot(s.Site, s.Layer);
            _fmt[slot] = s.Format;
            _frac[slot] = s.Format.FracBits;
            _used[slot] = true;
            if (s.Site is ActivationSite.EmbeddingNorm or ActivationSite.AttnNorm or ActivationSite.MlpNorm)
                _eps[slot] = plan.RmsEpsCode(plan.NormInputFormat(s.Site, s.Layer).FracBits);
        }
        foreach (var (site, layer) in SiteNames.All(_c.NLayer))
        {
            if (!_used[Slot(site, layer)])
                throw new ArgumentException($"the plan has no format for site {SiteNames.Of(site, layer)}", nameof(plan));
        }
        _wte = new TensorCodes(plan.Tensor(TensorNames.Wte));
        _wpe = new TensorCodes(plan.Tensor(TensorNames.Wpe));
        _lm = new TensorCodes(plan.Tensor(TensorNames.LmHead));
        _layers = Enumerable.Range(0, _c.NLayer).Select(l => new LayerCodes(
            new TensorCodes(plan.Tensor(TensorNames.AttnWq(l))), new TensorCodes(plan.Tensor(TensorNames.AttnWk(l))),
            new TensorCodes(plan.Tensor(TensorNames.AttnWv(l))), new TensorCodes(plan.Tensor(TensorNames.AttnWo(l))),
            new TensorCodes(plan.Tensor(TensorNames.MlpFc1(l))), new TensorCodes(plan.Tensor(TensorNames.MlpFc2(l))))).ToArray();
        _keys = new int[_c.NLayer][];
        _values = new int[_c.NLayer][];
        for (var l = 0; l < _c.NLayer; l++)
        {
            _keys[l] = new int[_c.BlockSize * _c.NEmbd];
            _values[l] = new int[_c.BlockSize * _c.NEmbd];
        }
        _x0 = new int[_c.NEmbd];
        _x = new int[_c.NEmbd];
        _xn = new int[_c.NEmbd];
        _q = new int[_c.NEmbd];
        _attn = new int[_c.NEmbd];
        _proj = new int[_c.NEmbd];
        _hidden = new int[_c.MlpHidden];
        _hiddenNonzero = new int[_c.NLayer];
        _logits = new int[_c.VocabSize];
        _scores = new int[_c.NHead * _c.BlockSize];
        _weights = new int[_c.NHead * _c.BlockSize];
        _exps = new long[_c.BlockSize];
        _rmsScale = plan.RmsScale;
        _scoreShift = plan.ScoreShift ?? -1;
        _scoreScale = plan.ScoreScale ?? 0;
    }

    /// <inheritdoc />
    public ModelConfig Config => _c;

    /// <summary>The plan this model runs.</summary>
    public NumericsPlan Plan => _plan;

    /// <summary>The format of the logit codes.</summary>
    public QFormat LogitFormat => _fmt[Slot(ActivationSite.Logits, -1)];

    /// <inheritdoc />
    public int Position { get; private set; }

    /// <inheritdoc />
    public void Reset() => Position = 0;

    /// <inheritdoc />
    public double[] Step(int token)
    {
        var codes = StepCodes(token);
        var f = LogitFormat;
        var logits = new double[codes.Length];
        for (var i = 0; i < codes.Length; i++)
            logits[i] = f.ToValue(codes[i]);
        return logits;
    }

    /// <summary>
    /// Feeds <paramref name="token"/> at <see cref="Position"/> and returns the logit codes (in
    /// <see cref="LogitFormat"/>); the span is valid until the next step.
    /// </summary>
    public ReadOnlySpan<int> StepCodes(int token)
    {
        if ((uint)token >= (uint)_c.VocabSize)
            throw new ArgumentOutOfRangeException(nameof(token), $"token {token} is outside the vocabulary 0..{_c.VocabSize - 1}");
        if (Position >= _c.BlockSize)
            throw new InvalidOperationException($"the context is full: {_c.BlockSize} tokens were fed (block_size); call Reset first");
        var pos = Position;
        var n = _c.NEmbd;

        var slot = Slot(ActivationSite.Embedding, -1);
        Embed(token, pos, _x0);
        Report(slot, ActivationSite.Embedding, -1, _x0);
        slot = Slot(ActivationSite.EmbeddingNorm, -1);
        RmsNorm(_x0, _x, slot);
        Report(slot, ActivationSite.EmbeddingNorm, -1, _x);
        var xFrac = _frac[slot];

        for (var l = 0; l < _c.NLayer; l++)
        {
            var w = _layers[l];
            slot = Slot(ActivationSite.AttnNorm, l);
            RmsNorm(_x, _xn, slot);
            Report(slot, ActivationSite.AttnNorm, l, _xn);
            var nFrac = _frac[slot];
            var k = _keys[l].AsSpan(pos * n, n);
            var v = _values[l].AsSpan(pos * n, n);
            Linear(w.Wq, _xn, nFrac, _q, Slot(ActivationSite.Query, l), false);
            Linear(w.Wk, _xn, nFrac, k, Slot(ActivationSite.Key, l), false);
            Linear(w.Wv, _xn, nFrac, v, Slot(ActivationSite.Value, l), false);
            Report(Slot(ActivationSite.Query, l), ActivationSite.Query, l, _q);
            Report(Slot(ActivationSite.Key, l), ActivationSite.Key, l, k);
            Report(Slot(ActivationSite.Value, l), ActivationSite.Value, l, v);
            Attend(l, pos);
            slot = Slot(ActivationSite.AttnProjection, l);
            Linear(w.Wo, _attn, _frac[Slot(ActivationSite.AttnOutput, l)], _proj, slot, false);
            Report(slot, ActivationSite.AttnProjection, l, _proj);
            var rSlot = Slot(ActivationSite.AttnResidual, l);
            Add(_x, xFrac, _proj, _frac[slot], rSlot);
            Report(rSlot, ActivationSite.AttnResidual, l, _x);
            xFrac = _frac[rSlot];

            slot = Slot(ActivationSite.MlpNorm, l);
            RmsNorm(_x, _xn, slot);
            Report(slot, ActivationSite.MlpNorm, l, _xn);
            slot = Slot(ActivationSite.MlpHidden, l);
            Linear(w.Fc1, _xn, _frac[Slot(ActivationSite.MlpNorm, l)], _hidden, slot, true);
            Report(slot, ActivationSite.MlpHidden, l, _hidden);
            _hiddenNonzero[l] = CountNonzero(_hidden);
            var oSlot = Slot(ActivationSite.MlpOutput, l);
            Linear(w.Fc2, _hidden, _frac[slot], _proj, oSlot, false);
            Report(oSlot, ActivationSite.MlpOutput, l, _proj);
            rSlot = Slot(ActivationSite.MlpResidual, l);
            Add(_x, xFrac, _proj, _frac[oSlot], rSlot);
            Report(rSlot, ActivationSite.MlpResidual, l, _x);
            xFrac = _frac[rSlot];
        }

        slot = Slot(ActivationSite.Logits, -1);
        Linear(_lm, _x, xFrac, _logits, slot, false);
        Report(slot, ActivationSite.Logits, -1, _logits);
        Position = pos + 1;
        return _logits;
    }

    /// <summary>
    /// The last step's count of nonzero MLP hidden codes (after ReLU) per layer: the compact core's fc2 issues
    /// columns for these only, so its cycles depend on them (docs/hardware.md). Valid until the next step.
    /// </summary>
    public IReadOnlyList<int> HiddenNonzero => _hiddenNonzero;

    private static int CountNonzero(int[] codes)
    {
        var n = 0;
        foreach (var v in codes)
        {
            if (v != 0)
                n++;
        }
        return n;
    }

    /// <summary>Saturation events per site since construction or <see cref="ClearSaturations"/>, in step order.</summary>
    public IReadOnlyList<SiteSaturation> Saturations() =>
        SiteNames.All(_c.NLayer).Select(s => new SiteSaturation(SiteNames.Of(s.Site, s.Layer), _fmt[Slot(s.Site, s.Layer)].ToString(), _sat[Slot(s.Site, s.Layer)])).ToArray();

    /// <summary>The sum of all saturation events.</summary>
    public long TotalSaturations => _sat.Sum();

    /// <summary>Sets every saturation counter to 0.</summary>
    public void ClearSaturations() => Array.Clear(_sat);

    /// <summary>The units (tables) this model uses; the sampler shares them.</summary>
    internal NonlinearUnits Units => _units;

    private static int Slot(ActivationSite site, int layer) => (layer + 1) * SiteCount + (int)site;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Rq(long acc, int accFrac, int slot) => _nearestEven
        // The same call with the rounding as a constant, so that the JIT folds the mode away.
        ? FixedPoint.Requantize(acc, accFrac, _fmt[slot], Rounding.NearestEven, Overflow.Saturate, ref _sat[slot])
        : FixedPoint.Requantize(acc, accFrac, _fmt[slot], _rounding, Overflow.Saturate, ref _sat[slot]);

    private void Report(int slot, ActivationSite site, int layer, ReadOnlySpan<int> codes) =>
        _observer?.Observe(site, layer, _fmt[slot], codes);

    /// <summary>Embedding: wte[token] and wpe[pos] aligned, added exactly and requantized into <paramref name="x0"/>.</summary>
    private void Embed(int token, int pos, Span<int> x0)
    {
        var slot = Slot(ActivationSite.Embedding, -1);
        var n = _c.NEmbd;
        var fe = Math.Max(_wte.Frac, _wpe.Frac);
        int sa = fe - _wte.Frac, sb = fe - _wpe.Frac;
        for (var i = 0; i < n; i++)
            x0[i] = Rq(((long)_wte.Codes[token * n + i] << sa) + ((long)_wpe.Codes[pos * n + i] << sb), fe, slot);
    }

    /// <summary>
    /// The RmsNorm factors of the embedding norm and of layer 0's attention norm for <paramref name="token"/> at
    /// <paramref name="pos"/>: both norms' inputs depend on the two alone (the embedding, and its norm), so a
    /// table of these factors replaces the two sums of squares and 1/sqrt (the compact core's KVX tables).
    /// Counts saturations as a step would; <see cref="Position"/> is unchanged.
    /// </summary>
    public (RmsFactor Embedding, RmsFactor AttnNorm0) InputNormFactors(int token, int pos)
    {
        if ((uint)token >= (uint)_c.VocabSize)
            throw new ArgumentOutOfRangeException(nameof(token), $"token {token} is outside the vocabulary 0..{_c.VocabSize - 1}");
        if ((uint)pos >= (uint)_c.BlockSize)
            throw new ArgumentOutOfRangeException(nameof(pos), $"position {pos} is outside the block 0..{_c.BlockSize - 1}");
        var x0 = new int[_c.NEmbd];
        var x = new int[_c.NEmbd];
        var xn = new int[_c.NEmbd];
        Embed(token, pos, x0);
        var f0 = RmsNorm(x0, x, Slot(ActivationSite.EmbeddingNorm, -1));
        var f1 = RmsNorm(x, xn, Slot(ActivationSite.AttnNorm, 0));
        return (f0, f1);
    }

    /// <summary>docs/numerics.md 5.1: y_i = X_i sqrt(n) / sqrt(SS + E), one Rsqrt per vector. Returns its 1/sqrt factor.</summary>
    private RmsFactor RmsNorm(ReadOnlySpan<int> x, Span<int> y, int slot)
    {
        long ss = 0;
        foreach (var v in x)
            ss += (long)v * v;
        var y1 = _units.Rsqrt(ss + _eps[slot], out var s);
        var k = (y1 * _rmsScale) >> NumericsPlan.RmsScaleFracBits;
        var frac = _plan.Tables.RsqrtFracBits + 15 - s / 2;
        for (var i = 0; i < x.Length; i++)
            y[i] = Rq(x[i] * k, frac, slot);
        return new RmsFactor(y1, s);
    }

    /// <summary>docs/numerics.md 3.1 (and 3.3 when <paramref name="relu"/>): y = W x, one Requantize per output.</summary>
    private void Linear(TensorCodes w, ReadOnlySpan<int> x, int xFrac, Span<int> y, int slot, bool relu)
    {
        var cols = w.Cols;
        var frac = w.Frac + xFrac;
        var codes = w.Codes;
        for (var r = 0; r < w.Rows; r++)
        {
            var acc = Dot(codes.AsSpan(r * cols, cols), x);
            if (relu && acc < 0)
                acc = 0;
            y[r] = Rq(acc, frac, slot);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long Dot(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        // Exact: each 16 x 16 product fits an int (|p| <= 2^30); the products are widened to long
        // before they are added. Integer sums do not depend on the order.
        var i = 0;
        long acc = 0;
        if (Vector256.IsHardwareAccelerated && a.Length >= 8)
        {
            var sum = Vector256<long>.Zero;
            ref var ra = ref MemoryMarshal.GetReference(a);
            ref var rb = ref MemoryMarshal.GetReference(b);
            for (; i <= a.Length - 8; i += 8)
            {
                var p = Vector256.LoadUnsafe(ref ra, (nuint)i) * Vector256.LoadUnsafe(ref rb, (nuint)i);
                var (lo, hi) = Vector256.Widen(p);
                sum += lo + hi;
            }
            acc = Vector256.Sum(sum);
        }
        for (; i < a.Length; i++)
            acc += (long)a[i] * b[i];
        return acc;
    }

    /// <summary>Residual add (docs/numerics.md 3.2): x = Requantize(align(x, o)), in place.</summary>
    private void Add(Span<int> x, int xFrac, ReadOnlySpan<int> o, int oFrac, int slot)
    {
        var f = Math.Max(xFrac, oFrac);
        int sx = f - xFrac, so = f - oFrac;
        for (var i = 0; i < x.Length; i++)
            x[i] = Rq(((long)x[i] << sx) + ((long)o[i] << so), f, slot);
    }

    /// <summary>Causal attention of every head over positions 0..pos (docs/numerics.md 5.2, 5.3).</summary>
    private void Attend(int layer, int pos)
    {
        var n = _c.NEmbd;
        var hd = _c.HeadDim;
        var len = pos + 1;
        var keys = _keys[layer];
        var values = _values[layer];
        var sSlot = Slot(ActivationSite.AttnScores, layer);
        var wSlot = Slot(ActivationSite.AttnWeights, layer);
        var oSlot = Slot(ActivationSite.AttnOutput, layer);
        var qkFrac = _frac[Slot(ActivationSite.Query, layer)] + _frac[Slot(ActivationSite.Key, layer)];
        var scoreFrac = _scoreShift >= 0 ? qkFrac + _scoreShift : qkFrac + NumericsPlan.ScoreScaleFracBits;
        var sFrac = _frac[sSlot];
        var expShift = sFrac + NonlinearUnits.Log2EFracBits - _plan.Tables.ExpIndexBits;
        var recipFrac = _plan.Tables.RecipFracBits;
        var avFrac = _frac[wSlot] + _frac[Slot(ActivationSite.Value, layer)];
        for (var h = 0; h < _c.NHead; h++)
        {
            var off = h * hd;
            var q = _q.AsSpan(off, hd);
            var scores = _scores.AsSpan(h * len, len);
            var weights = _weights.AsSpan(h * len, len);
            var max = int.MinValue;
            for (var t = 0; t < len; t++)
            {
                var acc = Dot(q, keys.AsSpan(t * n + off, hd));
                if (_scoreShift < 0)
                    acc *= _scoreScale;
                var s = Rq(acc, scoreFrac, sSlot);
                scores[t] = s;
                if (s > max)
                    max = s;
            }
            long z = 0;
            for (var t = 0; t < len; t++)
            {
                var w = FixedPoint.ShiftRoundHalfUp((long)(scores[t] - max) * NonlinearUnits.Log2E, expShift);
                var e = _units.Exp2(w);
                _exps[t] = e;
                z += e;
            }
            var y1 = _units.Reciprocal(z, out var b);
            for (var t = 0; t < len; t++)
                weights[t] = Rq(_exps[t] * y1, recipFrac + b, wSlot);
            for (var j = 0; j < hd; j++)
            {
                long acc = 0;
                for (var t = 0; t < len; t++)
                    acc += (long)weights[t] * values[t * n + off + j];
                _attn[off + j] = Rq(acc, avFrac, oSlot);
            }
        }
        Report(sSlot, ActivationSite.AttnScores, layer, _scores.AsSpan(0, _c.NHead * len));
        Report(wSlot, ActivationSite.AttnWeights, layer, _weights.AsSpan(0, _c.NHead * len));
        Report(oSlot, ActivationSite.AttnOutput, layer, _attn);
    }

    private sealed class TensorCodes
    {
        public TensorCodes(QuantizedTensor t)
        {
            Rows = t.Rows;
            Cols = t.Cols;
            Frac = t.Format.FracBits;
            Codes = t.Codes.Select(c => (int)c).ToArray();
        }

        public int Rows { get; }
        public int Cols { get; }
        public int Frac { get; }
        public int[] Codes { get; }
    }

    private sealed record LayerCodes(TensorCodes Wq, TensorCodes Wk, TensorCodes Wv, TensorCodes Wo, TensorCodes Fc1, TensorCodes Fc2);
}
