using System.Reflection;

namespace HwGen.Rendering;

/// <summary>The HwGen version stamped into generated files: the product version without build metadata (no commit hash, so a rebuild does not change outputs).</summary>
public static class HwGenVersion
{
    /// <summary>E.g. "0.1.0".</summary>
    public static string Current { get; } = Read();

    private static string Read()
    {
        var informational = typeof(HwGenVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (string.IsNullOrEmpty(informational))
            return typeof(HwGenVersion).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }
}
