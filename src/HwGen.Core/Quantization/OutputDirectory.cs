namespace HwGen.Quantization;

/// <summary>
/// Writes a set of rendered files (relative name -> text) as one directory, atomically: everything
/// goes into a temporary sibling directory first, which then replaces the target. A failure leaves
/// the target as it was.
/// </summary>
public static class OutputDirectory
{
    public static void Write(string target, IReadOnlyDictionary<string, string> files)
    {
        foreach (var name in files.Keys)
        {
            if (name.Length == 0 || Path.IsPathRooted(name) || name.Contains('/') || name.Contains('\\') || name.StartsWith('.'))
                throw new ArgumentException($"'{name}' is not a plain file name", nameof(files));
        }
        var full = Path.GetFullPath(target);
        if (File.Exists(full))
            throw new HwGenException($"{full}: is a file; --out needs a directory (new or one HwGen wrote before).");
        var parent = Path.GetDirectoryName(full.TrimEnd(Path.DirectorySeparatorChar)) ?? ".";
        var stamp = Guid.NewGuid().ToString("N")[..12];
        var temp = Path.Combine(parent, $".{Path.GetFileName(full)}.tmp-{stamp}");
        var old = Path.Combine(parent, $".{Path.GetFileName(full)}.old-{stamp}");
        try
        {
            Directory.CreateDirectory(parent);
            Directory.CreateDirectory(temp);
            foreach (var (name, text) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
                File.WriteAllText(Path.Combine(temp, name), text);
            if (Directory.Exists(full))
                Directory.Move(full, old);
            Directory.Move(temp, full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (Directory.Exists(temp))
                Directory.Delete(temp, true);
            if (Directory.Exists(old) && !Directory.Exists(full))
                Directory.Move(old, full);
            throw new HwGenException($"{full}: cannot write the output directory: {e.Message}");
        }
        if (Directory.Exists(old))
            Directory.Delete(old, true);
    }
}
