using System.CommandLine;

namespace HwGen.Cli;

/// <summary>Options shared by several commands, so that they read the same everywhere.</summary>
internal static class CommonOptions
{
    /// <summary>The model HwGen ships and uses when --model is not given.</summary>
    public const string DefaultModelFile = "microgpt-names.safetensors";

    /// <summary>Where the default model is: next to the program (copied there by the build).</summary>
    public static string DefaultModelPath => Path.Combine(AppContext.BaseDirectory, "models", DefaultModelFile);

    public static Option<FileInfo> Model() => new("--model", "-m")
    {
        Description = $"Model weights (safetensors, microGPT tensor names). Default: the shipped {DefaultModelFile}.",
        DefaultValueFactory = _ => new FileInfo(DefaultModelPath),
    };

    public static Option<bool> Json() => new("--json")
    {
        Description = "Print one JSON object with the results on stdout, and nothing else there.",
    };

    public static Option<int> Seed(int defaultValue = 42) => new("--seed")
    {
        Description = "Seed for every random choice; the same seed gives the same result.",
        DefaultValueFactory = _ => defaultValue,
    };
}
