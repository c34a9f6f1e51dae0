namespace HwGen.Tools;

/// <summary>A compiled simulation program, fresh or from the build cache.</summary>
/// <param name="Executable">The absolute path of the program.</param>
/// <param name="Hash">The cache key: SHA-256 over the inputs' names and contents, the flags and the Verilator version.</param>
/// <param name="CacheHit">True when the program came from the cache and Verilator did not run.</param>
/// <param name="Directory">The build's folder in the cache (program, obj_dir, build.txt).</param>
/// <param name="Duration">Wall-clock time of this call (lookup, or lookup and build).</param>
/// <param name="LogFile">Verilator's and the C++ compiler's output for the build.</param>
/// <param name="Warnings">The diagnostics Verilator printed while building (none on a cache hit).</param>
public sealed record VerilatorBuild(
    string Executable,
    string Hash,
    bool CacheHit,
    string Directory,
    TimeSpan Duration,
    string LogFile,
    IReadOnlyList<ToolDiagnostic> Warnings);
