namespace HwGen.Tests;

/// <summary>Where the project and the shared reference data are, found from the test assembly.</summary>
internal static class TestPaths
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HwGen.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"HwGen.sln not found above {AppContext.BaseDirectory}");
    });

    /// <summary>The project root (the folder of HwGen.sln).</summary>
    public static string RepoRoot => Root.Value;

    /// <summary>The shared reference data beside the project root.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    public static string SharedModel(string file) => Path.Combine(Shared, "models", file);

    public static string TalosModel => SharedModel("talos-v2-microgpt.safetensors");

    public static string Wide2Model => SharedModel("wide2-e32h4l2b16v27.safetensors");

    public static string TalosGolden => Path.Combine(Shared, "golden", "talos-v2-logits.json");

    public static string Wide2Golden => Path.Combine(Shared, "golden", "wide2-logits.json");

    public static string NamesCorpus => Path.Combine(Shared, "data", "names.txt");

    /// <summary>The default model the project ships.</summary>
    public static string DefaultModel => Path.Combine(RepoRoot, "models", "microgpt-names.safetensors");

    /// <summary>A fresh empty folder under the test run's temp area, deleted with the run's TestResults.</summary>
    public static string NewTempDir(string name)
    {
        var dir = Path.Combine(Path.GetTempPath(), "hwgen-tests", $"{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }
}
