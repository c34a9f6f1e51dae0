using System.CommandLine;

namespace HwGen.Cli;

/// <summary>Options shared by several commands, so that they read the same everywhere.</summary>
internal static class CommonOptions
{
    /// <summary>The model HwGen ships and uses when --model is not given.</summary>
    public const string DefaultModelFile = "microgpt-names.safetensors";

    /// <summary>Where the default model is: next to the program (copied there by the build).</summary>
    public static string DefaultModelPath => Path.Combine(AppContext.BaseDirectory, "models", DefaultModelFile);

    /// <summary>
    /// --model. It has no default value of its own, so that help shows the shipped model's name
    /// rather than the path of the build output; <see cref="ModelFile"/> supplies the default.
    /// </summary>
    public static Option<FileInfo?> Model() => new("--model", "-m")
    {
        Description = $"Model weights (safetensors, microGPT tensor names). Default: the shipped {DefaultModelFile}.",
    };

    /// <summary>The --model file given, or the shipped default model.</summary>
    public static FileInfo ModelFile(ParseResult parseResult, Option<FileInfo?> model) =>
        parseResult.GetValue(model) ?? new FileInfo(DefaultModelPath);

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
