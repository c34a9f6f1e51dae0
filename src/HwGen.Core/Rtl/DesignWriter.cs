using System.Text;

namespace HwGen.Rtl;

/// <summary>
/// Writes a generated design to a folder all at once: every file goes to a fresh sibling folder
/// first, which then replaces the target, so a failure never leaves a half-written design.
/// </summary>
public static class DesignWriter
{
    /// <summary>Writes <paramref name="files"/> into <paramref name="outDir"/>, replacing what was there.</summary>
    public static void Write(string outDir, IReadOnlyList<GeneratedFile> files)
    {
        var target = Path.GetFullPath(outDir);
        foreach (var f in files)
        {
            if (Path.IsPathRooted(f.Path) || f.Path.Split('/', '\\').Any(p => p is ".." or "." or ""))
                throw new ArgumentException($"generated path '{f.Path}' must be relative and plain", nameof(files));
        }
        var parent = Path.GetDirectoryName(target) ?? throw new HwGenException($"{outDir}: cannot write a design to a file-system root; name a folder.");
        var staging = Path.Combine(parent, $".{Path.GetFileName(target)}.tmp-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(parent);
            Directory.CreateDirectory(staging);
            var utf8 = new UTF8Encoding(false);
            foreach (var f in files)
            {
                var path = Path.Combine(staging, f.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, f.Content, utf8);
            }
            if (File.Exists(target))
                throw new HwGenException($"{outDir}: is a file; --out must name a folder.");
            string? old = null;
            if (Directory.Exists(target))
            {
                old = Path.Combine(parent, $".{Path.GetFileName(target)}.old-{Guid.NewGuid():N}");
                Directory.Move(target, old);
            }
            Directory.Move(staging, target);
            if (old is not null)
                Directory.Delete(old, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HwGenException($"{outDir}: cannot write the design: {e.Message}");
        }
        finally
        {
            if (Directory.Exists(staging))
                Directory.Delete(staging, recursive: true);
        }
    }
}
