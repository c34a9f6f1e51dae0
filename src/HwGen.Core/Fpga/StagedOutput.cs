using HwGen.Rendering;

namespace HwGen.Fpga;

/// <summary>
/// An output folder built in a hidden sibling folder and moved into place only when complete, as
/// <see cref="BuildPlan.WriteAtomically"/> does for generated files: a failed run leaves the
/// output folder as it was, and its files (logs) in <see cref="FailedDirectory"/> for inspection.
/// </summary>
public sealed class StagedOutput
{
    private StagedOutput(string target, string staging, string failed)
    {
        Target = target;
        Staging = staging;
        FailedDirectory = failed;
    }

    /// <summary>The output folder.</summary>
    public string Target { get; }

    /// <summary>The folder the run writes into.</summary>
    public string Staging { get; }

    /// <summary>Where the files of a failed run are kept (replaced by the next failure).</summary>
    public string FailedDirectory { get; }

    /// <summary>
    /// Checks that <paramref name="outDir"/> may be replaced (missing, empty, or written by HwGen)
    /// and writes <paramref name="plan"/> into a fresh staging folder beside it.
    /// </summary>
    /// <exception cref="HwGenException">The folder is a file, a root, or holds files HwGen did not write.</exception>
    public static StagedOutput Begin(string outDir, BuildPlan plan)
    {
        var target = OutputFolder.CheckReplaceable(outDir);
        var staging = OutputFolder.Sibling(target, "build");
        plan.WriteAtomically(staging);
        return new StagedOutput(target, staging, Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.failed"));
    }

    /// <summary>Moves the finished staging folder into place, replacing the previous output.</summary>
    /// <exception cref="HwGenException">The move failed; the previous output is unchanged.</exception>
    public string Commit()
    {
        try
        {
            OutputFolder.Swap(Staging, Target);
            return Target;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HwGenException($"Could not move the finished build into {Target}: {e.Message.TrimEnd('.')}. The previous output is unchanged; the build is in {Staging}.", e);
        }
    }

    /// <summary>Keeps a failed run's files in <see cref="FailedDirectory"/>; returns that path (or null if they could not be kept).</summary>
    public string? Abandon()
    {
        try
        {
            if (Directory.Exists(FailedDirectory))
                Directory.Delete(FailedDirectory, recursive: true);
            Directory.Move(Staging, FailedDirectory);
            return FailedDirectory;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            OutputFolder.DeleteQuietly(Staging);
            return null;
        }
    }
}
