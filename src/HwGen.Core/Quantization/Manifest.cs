using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using HwGen.Numerics;

namespace HwGen.Quantization;

/// <summary>
/// The JSON form of a <see cref="NumericsPlan"/> (manifest.json): everything but the weight codes,
/// which are in the .mem files it names. Deterministic: the same plan gives the same bytes.
/// </summary>
public static class Manifest
{
    /// <summary>The file name beside the .mem files.</summary>
    public const string FileName = "manifest.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>The manifest document of <paramref name="plan"/>.</summary>
    public static ManifestDocument Build(NumericsPlan plan, string modelFile, string modelSha256)
    {
        var c = plan.Config;
        var t = plan.Tables;
        var eps = plan.Sites
            .Where(s => s.Site is Reference.ActivationSite.EmbeddingNorm or Reference.ActivationSite.AttnNorm or Reference.ActivationSite.MlpNorm)
            .ToDictionary(s => s.Name, s => plan.RmsEpsCode(plan.NormInputFormat(s.Site, s.Layer).FracBits));
        return new ManifestDocument(
            1,
            $"HwGen {typeof(Manifest).Assembly.GetName().Version?.ToString(3)}",
            new ManifestModel(modelFile, modelSha256, c.NLayer, c.NEmbd, c.NHead, c.BlockSize, c.VocabSize, c.Bos, c.Vocab),
            plan.FormatRule,
            SnakeCase(plan.Rounding),
            plan.Headroom,
            plan.Calibration,
            plan.Tensors.Select(x => new ManifestTensor(x.Name, x.FileName, x.Format.ToString(), [x.Rows, x.Cols], x.MaxAbs,
                double.IsFinite(x.SnrDb) ? Math.Round(x.SnrDb, 3) : null, x.Clipped)).ToArray(),
            plan.Sites.Select(s => new ManifestSite(s.Name, s.Format.ToString(), s.CalibratedMaxAbs)).ToArray(),
            plan.Accumulators(),
            new ManifestTables(t.ExpIndexBits, t.ExpFracBits, t.RecipIndexBits, t.RecipFracBits, t.RsqrtIndexBits, t.RsqrtFracBits),
            new ManifestConstants(NonlinearUnits.Log2E, NonlinearUnits.Log2EFracBits, plan.RmsScale, NumericsPlan.RmsScaleFracBits, eps,
                plan.ScoreShift, plan.ScoreScale, NumericsPlan.ScoreScaleFracBits, NumericsPlan.LambdaShift, NumericsPlan.ZeroSeedState));
    }

    /// <summary>The manifest text (indented JSON, LF, final newline).</summary>
    public static string Render(NumericsPlan plan, string modelFile, string modelSha256) =>
        JsonSerializer.Serialize(Build(plan, modelFile, modelSha256), Options).ReplaceLineEndings("\n") + "\n";

    /// <summary>Parses manifest text; <paramref name="where"/> names it in messages.</summary>
    public static ManifestDocument Parse(string json, string where)
    {
        try
        {
            return JsonSerializer.Deserialize<ManifestDocument>(json, Options)
                ?? throw new HwGenException($"{where}: the manifest is empty.");
        }
        catch (JsonException e)
        {
            throw new HwGenException($"{where}: not a HwGen manifest ({e.Message}); write it with hwgen quantize.");
        }
    }

    private static string SnakeCase(Rounding r) => JsonNamingPolicy.SnakeCaseLower.ConvertName(r.ToString());
}

/// <summary>manifest.json.</summary>
public sealed record ManifestDocument(int FormatVersion, string Generator, ManifestModel Model, string FormatRule, string Rounding,
    double Headroom, string Calibration, IReadOnlyList<ManifestTensor> Tensors, IReadOnlyList<ManifestSite> Activations,
    IReadOnlyList<AccumulatorWidth> Accumulators, ManifestTables Tables, ManifestConstants Constants);

/// <summary>The model a manifest was made from.</summary>
public sealed record ManifestModel(string File, string Sha256, int NLayer, int NEmbd, int NHead, int BlockSize, int VocabSize, int Bos, string? Vocab);

/// <summary>One weight tensor of the manifest; snr_db is null when quantization is exact.</summary>
public sealed record ManifestTensor(string Name, string File, string Format, int[] Shape, double MaxAbs, double? SnrDb, int Clipped);

/// <summary>One activation site of the manifest.</summary>
public sealed record ManifestSite(string Site, string Format, double? CalibratedMaxAbs);

/// <summary>The table parameters (docs/numerics.md section 4).</summary>
public sealed record ManifestTables(int ExpIndexBits, int ExpFracBits, int RecipIndexBits, int RecipFracBits, int RsqrtIndexBits, int RsqrtFracBits);

/// <summary>The datapath constants (docs/numerics.md sections 4-5).</summary>
public sealed record ManifestConstants(int Log2E, int Log2EFracBits, long RmsScale, int RmsScaleFracBits, IReadOnlyDictionary<string, long> RmsEpsCode,
    int? ScoreShift, long? ScoreScale, int ScoreScaleFracBits, int LambdaShift, uint ZeroSeedState);
