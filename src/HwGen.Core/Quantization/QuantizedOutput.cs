using System.Security.Cryptography;

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

    /// <summary>Renders and writes atomically into <paramref name="outDir"/>.</summary>
    public static void Write(NumericsPlan plan, string modelPath, string outDir) =>
        OutputDirectory.Write(outDir, Render(plan, Path.GetFileName(modelPath), Sha256(modelPath)));

    /// <summary>The lowercase hex SHA-256 of a file.</summary>
    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
