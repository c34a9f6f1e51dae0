using System.Collections.Immutable;
using HwGen.Model;
using HwGen.Numerics;
using HwGen.Reference;

namespace HwGen.Quantization;

/// <summary>
/// Everything the fixed-point datapath needs, in one immutable object: the model shape, every
/// weight tensor as codes with its format, every activation site's format, the rounding mode and
/// the table parameters; the constants and accumulator widths derive from these
/// (docs/numerics.md). The golden model runs it; the RTL generator renders it; <c>manifest.json</c>
/// serializes it.
/// </summary>
/// <param name="Config">The model shape.</param>
/// <param name="FormatRule">"auto" or the fixed format used everywhere, e.g. "Q4.12".</param>
/// <param name="Tensors">Every weight tensor, in <see cref="ModelConfig.TensorShapes"/> order.</param>
/// <param name="Sites">Every activation site, in <see cref="SiteNames.All"/> order.</param>
/// <param name="Rounding">The rounding of every Requantize in the datapath.</param>
/// <param name="Tables">Sizes and widths of the nonlinear units' tables.</param>
/// <param name="Headroom">The factor applied to calibrated ranges (auto formats).</param>
/// <param name="Calibration">Where the calibrated ranges came from, or "none".</param>
public sealed record NumericsPlan(
    ModelConfig Config,
    string FormatRule,
    ImmutableArray<QuantizedTensor> Tensors,
    ImmutableArray<SiteFormat> Sites,
    Rounding Rounding,
    TableParameters Tables,
    double Headroom,
    string Calibration)
{
    /// <summary>microGPT's RMSNorm epsilon.</summary>
    public const double RmsEpsilon = 1e-5;

    /// <summary>G: fraction bits of the sqrt(n_embd) constant of RmsNorm.</summary>
    public const int RmsScaleFracBits = 20;

    /// <summary>Fraction bits of the 1/sqrt(head_dim) constant when head_dim is not a power of 4.</summary>
    public const int ScoreScaleFracBits = 16;

    /// <summary>The right shift that turns LOG2E * Recip(T) into the 18-bit temperature constant LAMBDA.</summary>
    public const int LambdaShift = 18;

    /// <summary>The xorshift32 state used when the seed is 0.</summary>
    public const uint ZeroSeedState = 0x9E3779B9u;

    /// <summary>The tensor called <paramref name="name"/>.</summary>
    public QuantizedTensor Tensor(string name) =>
        Tensors.FirstOrDefault(t => t.Name == name) ?? throw new ArgumentException($"no tensor '{name}' in the plan", nameof(name));

    /// <summary>The format of a site (layer -1 for Embedding, EmbeddingNorm and Logits).</summary>
    public QFormat Format(ActivationSite site, int layer) =>
        (Sites.FirstOrDefault(s => s.Site == site && s.Layer == layer) ?? throw new ArgumentException($"no site {SiteNames.Of(site, layer)} in the plan", nameof(site))).Format;

    /// <summary>The format of the vector a norm site normalizes.</summary>
    public QFormat NormInputFormat(ActivationSite site, int layer) => site switch
    {
        ActivationSite.EmbeddingNorm => Format(ActivationSite.Embedding, -1),
        ActivationSite.AttnNorm => layer == 0 ? Format(ActivationSite.EmbeddingNorm, -1) : Format(ActivationSite.MlpResidual, layer - 1),
        ActivationSite.MlpNorm => Format(ActivationSite.AttnResidual, layer),
        _ => throw new ArgumentException($"{site} is not a norm site", nameof(site)),
    };

    /// <summary>C = round(sqrt(n_embd) * 2^G).</summary>
    public long RmsScale => (long)Math.Round(Math.Sqrt(Config.NEmbd) * (1L << RmsScaleFracBits), MidpointRounding.AwayFromZero);

    /// <summary>E = max(1, round(n_embd * 1e-5 * 2^(2 n_in))) for a norm whose input has n_in fraction bits.</summary>
    public long RmsEpsCode(int inputFracBits) =>
        Math.Max(1L, (long)Math.Round(Config.NEmbd * RmsEpsilon * Math.ScaleB(1.0, 2 * inputFracBits), MidpointRounding.AwayFromZero));

    /// <summary>j when head_dim = 4^j (the score scale is a shift), else null.</summary>
    public int? ScoreShift
    {
        get
        {
            var hd = Config.HeadDim;
            for (var j = 0; (1L << (2 * j)) <= hd; j++)
            {
                if (1L << (2 * j) == hd)
                    return j;
            }
            return null;
        }
    }

    /// <summary>D = round(2^16 / sqrt(head_dim)) when head_dim is not a power of 4, else null.</summary>
    public long? ScoreScale => ScoreShift is null
        ? (long)Math.Round((1L << ScoreScaleFracBits) / Math.Sqrt(Config.HeadDim), MidpointRounding.AwayFromZero)
        : null;

    /// <summary>Every accumulator of the datapath with its dot-product length and width in bits.</summary>
    public IReadOnlyList<AccumulatorWidth> Accumulators()
    {
        var c = Config;
        AccumulatorWidth Dot(string name, int length) => new(name, length, FixedPoint.DotAccumulatorBits(length));
        return
        [
            Dot("q_k_v_wo_fc1_lm_head", c.NEmbd),
            Dot("fc2", c.MlpHidden),
            Dot("attn_scores", c.HeadDim),
            Dot("attn_output", c.BlockSize),
            new("rms_sum_of_squares", c.NEmbd, 31 + FixedPoint.CeilLog2(c.NEmbd)),
            new("softmax_sum", c.BlockSize, Tables.ExpFracBits + 1 + FixedPoint.CeilLog2(c.BlockSize)),
            new("sampler_sum", c.VocabSize, Tables.ExpFracBits + 1 + FixedPoint.CeilLog2(c.VocabSize)),
        ];
    }
}

/// <summary>An accumulator of the datapath: what it sums, how many terms at most, and its width.</summary>
public sealed record AccumulatorWidth(string Name, int Length, int Bits);
