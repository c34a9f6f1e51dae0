namespace HwGen.Rendering;

/// <summary>
/// The one way HwGen replaces what a user asked it to write: a folder is filled beside its target
/// and swapped in by rename, a file is written beside its target and renamed over it. A failure
/// leaves the previous output as it was, and a folder HwGen did not write is never replaced.
/// </summary>
public static class OutputFolder
{
    /// <summary>
    /// The absolute path of <paramref name="outDir"/> after checking that HwGen may replace it:
    /// missing, empty, or holding <see cref="BuildPlan.MarkerFile"/>.
    /// </summary>
    /// <exception cref="HwGenException">It is a file, a file system root, or holds files HwGen did not write.</exception>
    public static string CheckReplaceable(string outDir)
    {
        var target = Path.GetFullPath(outDir).TrimEnd(Path.DirectorySeparatorChar);
        if (File.Exists(target))
            throw new HwGenException($"Output folder {target} is a file. Choose another --out.");
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any() && !File.Exists(Path.Combine(target, BuildPlan.MarkerFile)))
            throw new HwGenException($"Output folder {target} already holds files HwGen did not write. Choose another --out or empty it.");
        if (Path.GetDirectoryName(target) is null || Path.GetFileName(target).Length == 0)
            throw new HwGenException($"Output folder {target} is a file system root. Choose a folder inside it as --out.");
        return target;
    }

    /// <summary>A fresh hidden sibling path of <paramref name="target"/>: <c>.NAME.KIND-ID</c>.</summary>
    public static string Sibling(string target, string kind) =>
        Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{kind}-{Guid.NewGuid():N}");

    /// <summary>
    /// Moves the complete folder <paramref name="completed"/> to <paramref name="target"/>,
    /// replacing what was there. If the move fails the previous folder is put back and the
    /// exception propagates; <paramref name="completed"/> is then still in place.
    /// </summary>
    public static void Swap(string completed, string target)
    {
        if (!Directory.Exists(target))
        {
            Directory.Move(completed, target);
            return;
        }
        var old = Sibling(target, "old");
        Directory.Move(target, old);
        try
        {
            Directory.Move(completed, target);
        }
        catch
        {
            Directory.Move(old, target);
            throw;
        }
        DeleteQuietly(old);
    }

    /// <summary>Writes <paramref name="bytes"/> to a temporary file beside <paramref name="path"/>, then renames it over the target.</summary>
    /// <exception cref="IOException">Writing or renaming failed; the target is unchanged and no temporary file is left.</exception>
    public static void WriteFile(string path, byte[] bytes)
    {
        var full = Path.GetFullPath(path);
        var temp = Sibling(full, "tmp");
        try
        {
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            try
            {
                File.Delete(temp);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The failure being reported matters more than a leftover hidden file.
            }
            throw;
        }
    }

    /// <summary>Removes a folder if it exists; a leftover only costs space, so failures are ignored.</summary>
    public static void DeleteQuietly(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
                Directory.Delete(directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Only costs space.
        }
    }
}
