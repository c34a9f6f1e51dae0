using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;

namespace HwGen.Tools;

/// <summary>
/// Finds external tools: the tool's environment variable first (e.g. <c>HWGEN_VERILATOR</c>), then
/// PATH. Checks the version against the tool's minimum and remembers every tool found, so that
/// reports and build caches can record which versions were used.
/// </summary>
public sealed class ToolLocator
{
    private static readonly TimeSpan VersionTimeout = TimeSpan.FromSeconds(30);
    private readonly Func<string, string?> _environment;
    private readonly ConcurrentDictionary<string, ToolInfo> _found = new(StringComparer.Ordinal);

    /// <param name="environment">Reads an environment variable; the process environment when null (tests pass their own).</param>
    public ToolLocator(Func<string, string?>? environment = null)
    {
        _environment = environment ?? Environment.GetEnvironmentVariable;
    }

    /// <summary>The locator over the process environment, shared by the whole program.</summary>
    public static ToolLocator Default { get; } = new();

    /// <summary>Every tool found so far, by name.</summary>
    public IReadOnlyList<ToolInfo> Found => _found.Values.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();

    /// <summary>Finds <paramref name="spec"/> and checks its version.</summary>
    /// <exception cref="HwGenException">The tool is missing, its variable points nowhere, or it is too old.</exception>
    public ToolInfo Find(ToolSpec spec)
    {
        var path = Resolve(spec);
        var key = $"{spec.Name}\n{path}";
        if (_found.TryGetValue(key, out var known))
            return known;
        var info = ReadVersion(spec, path);
        if (spec.MinimumVersion is { } minimum && (info.Version is null || info.Version < minimum))
        {
            throw new HwGenException(
                $"{spec.Name} at {path} is version {info.VersionText}; HwGen needs {minimum} or newer. " +
                $"Install a newer one (sudo apt-get install {spec.DebianPackage}){(spec.EnvironmentVariable is null ? "" : $" or point {spec.EnvironmentVariable} at one")}.");
        }
        _found[key] = info;
        return info;
    }

    /// <summary>Like <see cref="Find"/>, but null when the tool is missing (for optional flows and tests that need a tool).</summary>
    public ToolInfo? TryFind(ToolSpec spec)
    {
        try
        {
            return Find(spec);
        }
        catch (HwGenException)
        {
            return null;
        }
    }

    private string Resolve(ToolSpec spec)
    {
        var overridePath = spec.EnvironmentVariable is null ? null : _environment(spec.EnvironmentVariable);
        if (!string.IsNullOrEmpty(overridePath))
        {
            var full = Path.GetFullPath(overridePath);
            if (!IsExecutable(full))
            {
                throw new HwGenException(
                    $"{spec.EnvironmentVariable} is set to '{overridePath}', which is not an executable file. " +
                    $"Point it at the {spec.Name} program or unset it to use PATH.");
            }
            return full;
        }
        foreach (var directory in (_environment("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, spec.Name);
            if (IsExecutable(candidate))
                return Path.GetFullPath(candidate);
        }
        var where = spec.EnvironmentVariable is null ? "PATH" : $"PATH or in {spec.EnvironmentVariable}";
        throw new HwGenException($"{spec.Name} not found on {where}. Install it: sudo apt-get install {spec.DebianPackage}");
    }

    private static ToolInfo ReadVersion(ToolSpec spec, string path)
    {
        if (spec.VersionArguments.Count == 0)
            return new ToolInfo(spec.Name, path, "unknown", null);
        var result = ProcessRunner.Run(new ProcessSpec(path, spec.VersionArguments, Timeout: VersionTimeout));
        var match = Regex.Match(result.Stdout + result.Stderr, spec.VersionPattern);
        if (!match.Success)
        {
            var said = result.Tail(1).Trim();
            var fix = spec.EnvironmentVariable is null
                ? $"Install it: sudo apt-get install {spec.DebianPackage}"
                : $"Point {spec.EnvironmentVariable} at {spec.Name} or install it: sudo apt-get install {spec.DebianPackage}";
            throw new HwGenException($"{path} does not look like {spec.Name}: '{result.CommandLine}' printed '{said}'. {fix}");
        }
        var text = match.Groups["v"].Value;
        var numeric = Regex.Match(text, @"^\d+(\.\d+)*");
        var version = numeric.Success && numeric.Value.Contains('.', StringComparison.Ordinal)
            ? Version.Parse(numeric.Value)
            : numeric.Success ? new Version(int.Parse(numeric.Value, CultureInfo.InvariantCulture), 0) : null;
        return new ToolInfo(spec.Name, path, text, version);
    }

    private static bool IsExecutable(string path)
    {
        if (!File.Exists(path))
            return false;
        if (OperatingSystem.IsWindows())
            return true;
        var mode = File.GetUnixFileMode(path);
        return (mode & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
    }
}
