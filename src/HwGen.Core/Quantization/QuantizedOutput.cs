using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text.Json;
using HwGen.Model;
using HwGen.Numerics;
using HwGen.Reference;

namespace HwGen.Quantization;

/// <summary>The files <c>hwgen quantize</c> writes: one .mem per tensor and manifest.json.</summary>
public static class QuantizedOutput
{
    /// <summary>Renders every file in memory: file name -> text.</summary>
    public static IReadOnlyDictionary<string, string> Render(NumericsPlan plan, string modelFile, string modelSha256)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var t in plan.Tensors)
            files[t.FileName] = MemFile.Render(t.Codes);
        files[Manifest.FileName] = Manifest.Render(plan, modelFile, modelSha256);
        return files;
    }

    /// <summary>
    /// Renders and writes atomically into <paramref name="outDir"/> (replaced as a whole; only a
    /// missing, empty or HwGen-written folder is replaced).
    /// </summary>
    public static void Write(NumericsPlan plan, string modelPath, string outDir)
    {
        var sha = Sha256(modelPath);
        var files = new Rendering.BuildPlan(sha);
        foreach (var (name, text) in Render(plan, Path.GetFileName(modelPath), sha))
            files.AddBytes(name, System.Text.Encoding.UTF8.GetBytes(text));
        files.WriteAtomically(outDir);
    }

    /// <summary>
    /// Reads a directory written by <see cref="Write"/> back into the plan (manifest.json and the
    /// .mem files it names); throws <see cref="HwGenException"/> naming the file and the problem.
    /// </summary>
    public static NumericsPlan Load(string dir)
    {
        var manifestPath = Path.Combine(dir, Manifest.FileName);
        if (!File.Exists(manifestPath))
            throw new HwGenException($"{manifestPath}: not found; give a directory written by hwgen quantize.");
        var doc = Manifest.Parse(File.ReadAllText(manifestPath), manifestPath);
        var m = doc.Model;
        var config = new ModelConfig(m.NLayer, m.NEmbd, m.NHead, m.BlockSize, m.VocabSize, m.Bos, m.Vocab).Validated(manifestPath);
        var tensors = config.TensorShapes().Select(shape =>
        {
            var t = doc.Tensors.FirstOrDefault(x => x.Name == shape.Name)
                ?? throw new HwGenException($"{manifestPath}: tensor '{shape.Name}' is missing.");
            if (t.Shape.Length != 2 || t.Shape[0] != shape.Rows || t.Shape[1] != shape.Cols)
                throw new HwGenException($"{manifestPath}: tensor '{t.Name}' has shape [{string.Join(", ", t.Shape)}], the model needs [{shape.Rows}, {shape.Cols}].");
            var memPath = Path.Combine(dir, t.File);
            if (Path.GetFileName(t.File) != t.File || !File.Exists(memPath))
                throw new HwGenException($"{memPath}: the .mem file of tensor '{t.Name}' is missing.");
            var codes = MemFile.Parse(File.ReadAllText(memPath), memPath);
            if (codes.Length != shape.Rows * shape.Cols)
                throw new HwGenException($"{memPath}: {codes.Length} words; tensor '{t.Name}' [{shape.Rows}, {shape.Cols}] needs {shape.Rows * shape.Cols}.");
            return new QuantizedTensor(t.Name, shape.Rows, shape.Cols, QFormat.Parse(t.Format, $"{manifestPath}: tensor '{t.Name}'"),
                ImmutableArray.Create(codes), t.MaxAbs, t.SnrDb ?? double.PositiveInfinity, t.Clipped);
        }).ToImmutableArray();
        var sites = SiteNames.All(config.NLayer).Select(s =>
        {
            var name = SiteNames.Of(s.Site, s.Layer);
            var entry = doc.Activations.FirstOrDefault(a => a.Site == name)
                ?? throw new HwGenException($"{manifestPath}: activation site '{name}' is missing.");
            return new SiteFormat(s.Site, s.Layer, QFormat.Parse(entry.Format, $"{manifestPath}: site '{name}'"), entry.CalibratedMaxAbs);
        }).ToImmutableArray();
        var rounding = Enum.GetValues<Rounding>().FirstOrDefault(r => JsonNamingPolicy.SnakeCaseLower.ConvertName(r.ToString()) == doc.Rounding, (Rounding)(-1));
        if (!Enum.IsDefined(rounding))
            throw new HwGenException($"{manifestPath}: rounding '{doc.Rounding}' is not one of nearest_even, nearest_away_from_zero, toward_zero, floor.");
        var t = doc.Tables;
        var plan = new NumericsPlan(config, doc.FormatRule, tensors, sites, rounding,
            new TableParameters(t.ExpIndexBits, t.ExpFracBits, t.RecipIndexBits, t.RecipFracBits, t.RsqrtIndexBits, t.RsqrtFracBits),
            doc.Headroom, doc.Calibration);
        // The constants are derived from the rest; an edited constant is refused rather than ignored.
        var derived = Manifest.Build(plan, m.File, m.Sha256).Constants;
        if (JsonSerializer.Serialize(derived) != JsonSerializer.Serialize(doc.Constants))
            throw new HwGenException($"{manifestPath}: the constants do not follow from the formats and tables (edited by hand?); write the directory again with hwgen quantize.");
        return plan;
    }

    /// <summary>The lowercase hex SHA-256 of a file.</summary>
    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
