using System.Security.Cryptography;
using System.Text;

namespace HwGen.Tools;

/// <summary>
/// Drives Verilator: lints designs, compiles SystemVerilog and a C++ harness into a simulation
/// program, and runs it. Builds are cached by a hash of every input's name and content, the flags
/// and the Verilator version: a build is made in a private temporary folder and renamed into the
/// cache when complete, under a per-entry lock, so concurrent builds never see half a build.
/// </summary>
public sealed class VerilatorDriver
{
    /// <summary>The default wall-clock limit for one build.</summary>
    public static readonly TimeSpan DefaultBuildTimeout = TimeSpan.FromMinutes(20);

    private static readonly TimeSpan LintTimeout = TimeSpan.FromMinutes(5);
    private const string CacheFormat = "hwgen-verilator-cache 1";
    private readonly ToolLocator _locator;

    /// <param name="verilator">The Verilator found by <see cref="ToolLocator"/>.</param>
    /// <param name="cacheDirectory">Where builds are kept (see <see cref="DefaultCacheDirectory"/>).</param>
    /// <param name="buildTimeout">The wall-clock limit for one build; <see cref="DefaultBuildTimeout"/> when null.</param>
    /// <param name="locator">Finds make and the C++ compiler before a build; <see cref="ToolLocator.Default"/> when null.</param>
    public VerilatorDriver(ToolInfo verilator, string cacheDirectory, TimeSpan? buildTimeout = null, ToolLocator? locator = null)
    {
        Verilator = verilator;
        _locator = locator ?? ToolLocator.Default;
        CacheDirectory = Path.GetFullPath(cacheDirectory);
        BuildTimeout = buildTimeout ?? DefaultBuildTimeout;
    }

    /// <summary>Finds Verilator (HWGEN_VERILATOR, then PATH; 5.0 or newer) and uses the given or default cache.</summary>
    public static VerilatorDriver Create(string? cacheDirectory = null, TimeSpan? buildTimeout = null, ToolLocator? locator = null) =>
        new((locator ?? ToolLocator.Default).Find(KnownTools.Verilator), cacheDirectory ?? DefaultCacheDirectory, buildTimeout, locator);

    /// <summary>The Verilator used.</summary>
    public ToolInfo Verilator { get; }

    /// <summary>The build cache folder.</summary>
    public string CacheDirectory { get; }

    /// <summary>The wall-clock limit for one build.</summary>
    public TimeSpan BuildTimeout { get; }

    /// <summary><c>$HWGEN_CACHE/verilator</c> when HWGEN_CACHE is set, else <c>$XDG_CACHE_HOME/hwgen/verilator</c>, else <c>~/.cache/hwgen/verilator</c>.</summary>
    public static string DefaultCacheDirectory
    {
        get
        {
            var root = Environment.GetEnvironmentVariable("HWGEN_CACHE");
            if (!string.IsNullOrEmpty(root))
                return Path.Combine(root, "verilator");
            var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            var cache = !string.IsNullOrEmpty(xdg) ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
            return Path.Combine(cache, "hwgen", "verilator");
        }
    }

    /// <summary>
    /// Runs <c>verilator --lint-only -Wall</c> on <paramref name="sources"/> and returns what it
    /// reported. A waiver file (Verilator configuration, .vlt) is passed before the sources.
    /// </summary>
    /// <exception cref="ToolFailure">Verilator failed without saying why in a diagnostic, or ran past its limit.</exception>
    public VerilatorLintResult Lint(IReadOnlyList<string> sources, string topModule, string? waiverFile = null,
        IReadOnlyList<string>? extraFlags = null, string? logFile = null, CancellationToken cancellation = default)
    {
        var inputs = (waiverFile is null ? sources : sources.Prepend(waiverFile)).Select(RequireFile).ToList();
        var args = new List<string> { "--lint-only", "-Wall", "-Wno-fatal", "--top-module", topModule };
        args.AddRange(extraFlags ?? []);
        args.AddRange(inputs);
        var result = ProcessRunner.Run(new ProcessSpec(Verilator.Path, args, Timeout: LintTimeout, LogFile: logFile), cancellation);
        var diagnostics = DiagnosticParser.ParseVerilator(result.Stderr + result.Stdout);
        if (result.TimedOut || (result.ExitCode != 0 && !diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error)))
            throw new ToolFailure("verilator", result, diagnostics);
        return new VerilatorLintResult(result.CommandLine, result.ExitCode, diagnostics, result.Stderr + result.Stdout);
    }

    /// <summary>
    /// The Verilator flags of a build, apart from the output folder and the input files:
    /// C++ output with a harness main, built with make (2 jobs), Verilator's -O3, X values
    /// assigned and initialised fast (the design resets everything it relies on), warnings shown
    /// but not fatal (lint is a separate, strict step).
    /// </summary>
    public static IReadOnlyList<string> BuildFlags(VerilatorBuildSpec spec)
    {
        var flags = new List<string>
        {
            "--cc", "--exe", "--build", "-j", "2", "-O3",
            "--x-assign", "fast", "--x-initial", "fast", "-Wno-fatal",
            "--top-module", spec.TopModule, "-o", spec.ExecutableName,
        };
        if (spec.TraceFst)
            flags.Add("--trace-fst");
        flags.AddRange(spec.ExtraFlags ?? []);
        return flags;
    }

    /// <summary>The cache key of <paramref name="spec"/> (hex SHA-256); reads every input file.</summary>
    public string Hash(VerilatorBuildSpec spec)
    {
        var key = new StringBuilder();
        key.Append(CacheFormat).Append('\n');
        key.Append("verilator ").Append(Verilator.VersionText).Append('\n');
        foreach (var flag in BuildFlags(spec))
            key.Append("flag ").Append(flag).Append('\n');
        void Inputs(string kind, IEnumerable<string> files)
        {
            foreach (var file in files)
            {
                var bytes = File.ReadAllBytes(RequireFile(file));
                key.Append(kind).Append(' ').Append(Path.GetFileName(file)).Append(' ').Append(Convert.ToHexStringLower(SHA256.HashData(bytes))).Append('\n');
            }
        }
        Inputs("sv", spec.Sources);
        Inputs("cpp", spec.CppSources);
        Inputs("other", spec.OtherInputs ?? []);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key.ToString())));
    }

    /// <summary>
    /// Returns the simulation program for <paramref name="spec"/>: from the cache when an
    /// identical build exists, else built now (into a temporary folder, then renamed into the cache).
    /// </summary>
    /// <exception cref="ToolFailure">Verilator or the C++ build failed or ran past <see cref="BuildTimeout"/>; the log is kept.</exception>
    public VerilatorBuild Build(VerilatorBuildSpec spec, CancellationToken cancellation = default)
    {
        var started = DateTime.UtcNow;
        var hash = Hash(spec);
        var final = Path.Combine(CacheDirectory, hash);
        var executable = Path.Combine(final, spec.ExecutableName);
        var logFile = Path.Combine(CacheDirectory, "logs", hash + ".log");
        if (File.Exists(executable))
            return new VerilatorBuild(executable, hash, true, final, DateTime.UtcNow - started, logFile, []);

        Directory.CreateDirectory(CacheDirectory);
        using var entryLock = CacheLock.Acquire(Path.Combine(CacheDirectory, hash + ".lock"), BuildTimeout, cancellation);
        if (File.Exists(executable))
            return new VerilatorBuild(executable, hash, true, final, DateTime.UtcNow - started, logFile, []);

        // Verilator's --build needs make and a C++ compiler, which its package does not pull in.
        _locator.Find(KnownTools.Make);
        _locator.Find(KnownTools.Gxx);
        if (Directory.Exists(final))
            Directory.Delete(final, recursive: true); // an entry without its program is damaged; rebuild it
        RemoveAbandonedBuilds();
        var temp = Path.Combine(CacheDirectory, $"tmp-{hash[..16]}-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(temp);
            var objDir = Path.Combine(temp, "obj_dir");
            var args = new List<string>(BuildFlags(spec)) { "--Mdir", objDir };
            args.AddRange(spec.Sources.Select(Path.GetFullPath));
            args.AddRange(spec.CppSources.Select(Path.GetFullPath));
            var result = ProcessRunner.Run(new ProcessSpec(Verilator.Path, args, temp, Timeout: BuildTimeout, LogFile: logFile), cancellation);
            var diagnostics = DiagnosticParser.ParseVerilator(result.Stderr + result.Stdout);
            var built = Path.Combine(objDir, spec.ExecutableName);
            if (!result.Succeeded || !File.Exists(built))
                throw new ToolFailure("verilator", result, diagnostics);

            File.Move(built, Path.Combine(temp, spec.ExecutableName));
            File.WriteAllText(Path.Combine(temp, "build.txt"),
                $"{CacheFormat}\nverilator {Verilator.VersionText} {Verilator.Path}\nhash {hash}\ncommand {result.CommandLine}\n");
            Directory.Move(temp, final);
            return new VerilatorBuild(executable, hash, false, final, DateTime.UtcNow - started, logFile, diagnostics);
        }
        finally
        {
            if (Directory.Exists(temp))
                Directory.Delete(temp, recursive: true);
        }
    }

    /// <summary>Removes temporary build folders left by killed processes (older than a day; a live build is never that old).</summary>
    private void RemoveAbandonedBuilds()
    {
        foreach (var dir in Directory.EnumerateDirectories(CacheDirectory, "tmp-*"))
        {
            try
            {
                if (Directory.GetLastWriteTimeUtc(dir) < DateTime.UtcNow.AddDays(-1))
                    Directory.Delete(dir, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another process is removing it, or it is not ours to remove.
            }
        }
    }

    /// <summary>Runs a simulation program; a non-zero exit code or running past <paramref name="timeout"/> is a <see cref="ToolFailure"/>.</summary>
    public static ProcessResult Run(string executable, IReadOnlyList<string> arguments, TimeSpan timeout,
        string? workingDirectory = null, string? logFile = null, CancellationToken cancellation = default)
    {
        var result = ProcessRunner.Run(new ProcessSpec(executable, arguments, workingDirectory, Timeout: timeout, LogFile: logFile), cancellation);
        if (!result.Succeeded)
            throw new ToolFailure(Path.GetFileName(executable), result, DiagnosticParser.ParseVerilator(result.Stderr + result.Stdout));
        return result;
    }

    private static string RequireFile(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
            throw new HwGenException($"Verilator input {path} does not exist. Generate the design first or check the path.");
        return full;
    }
}
