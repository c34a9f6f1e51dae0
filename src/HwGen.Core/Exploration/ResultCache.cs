using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HwGen.Fpga;
using HwGen.Rendering;
using HwGen.Rtl;
using HwGen.Tools;

namespace HwGen.Exploration;

/// <summary>
/// Evaluated points kept between runs, one JSON file per point named by its key: a hash of the
/// model file, the lanes, the target, the sample counts, seed and temperature, the tools and the
/// generated design's files. A changed generator makes different files and so a different key:
/// a stale result is never reused. Files are written to a temporary name and renamed.
/// </summary>
public sealed class ResultCache
{
    private const string Format = "hwgen-explore-cache 1";

    /// <param name="directory">The cache folder (see <see cref="DefaultDirectory"/>).</param>
    public ResultCache(string directory) => Directory = Path.GetFullPath(directory);

    /// <summary>The cache folder.</summary>
    public string Directory { get; }

    /// <summary>
    /// <c>explore</c> beside the Verilator build cache: <c>$HWGEN_CACHE/explore</c>, else
    /// <c>$XDG_CACHE_HOME/hwgen/explore</c>, else <c>~/.cache/hwgen/explore</c>.
    /// </summary>
    public static string DefaultDirectory => Path.Combine(Path.GetDirectoryName(VerilatorDriver.DefaultCacheDirectory)!, "explore");

    /// <summary>The key (hex SHA-256) of one point.</summary>
    /// <param name="modelSha256">The model file's SHA-256.</param>
    /// <param name="lanes">The point's lanes.</param>
    /// <param name="settings">The exploration's settings (target, samples, seed, temperature, format).</param>
    /// <param name="design">The generated design's files.</param>
    /// <param name="tools">The version lines of the tools that measure the point (Verilator, yosys, nextpnr).</param>
    public static string Key(string modelSha256, int lanes, ExploreSettings settings, BuildPlan design, IEnumerable<string> tools)
    {
        var key = new StringBuilder();
        key.Append(Format).Append('\n');
        key.Append("hwgen ").Append(HwGenVersion.Current).Append('\n');
        key.Append("model ").Append(modelSha256).Append('\n');
        key.Append("lanes ").Append(lanes).Append(" arch ").Append(settings.Arch.Name()).Append('\n');
        key.Append("target ").Append(settings.Target?.Name ?? "none").Append('\n');
        key.Append("samples ").Append(settings.Samples).Append(" verify ").Append(settings.VerifySamples).Append('\n');
        key.Append("seed ").Append(settings.Seed).Append(" temperature-code ").Append(Golden.Temperature.ToCode(settings.Temperature)).Append('\n');
        key.Append("format ").Append(settings.Format).Append('\n');
        key.Append("design ").Append(design.ContentHash).Append('\n');
        foreach (var tool in tools)
            key.Append("tool ").Append(tool).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key.ToString())));
    }

    /// <summary>The stored result of <paramref name="key"/>, marked as from the cache; null when none (or unreadable).</summary>
    public PointResult? TryLoad(string key)
    {
        var path = PathOf(key);
        if (!File.Exists(path))
            return null;
        try
        {
            var result = JsonSerializer.Deserialize<PointResult>(File.ReadAllText(path), ReportJson.Options);
            return result is not null && result.Key == key ? result with { FromCache = true, Pareto = false } : null;
        }
        catch (Exception e) when (e is JsonException or IOException or NotSupportedException)
        {
            return null; // a damaged entry is evaluated again and overwritten
        }
    }

    /// <summary>Stores <paramref name="result"/> under its key (written whole, then renamed into place).</summary>
    public void Store(PointResult result)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var stored = result with { FromCache = false, Pareto = false };
        OutputFolder.WriteFile(PathOf(result.Key), Encoding.UTF8.GetBytes(JsonSerializer.Serialize(stored, ReportJson.Options) + "\n"));
    }

    private string PathOf(string key) => Path.Combine(Directory, key + ".json");
}
