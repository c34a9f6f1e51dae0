using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;

namespace HwGen.Cli;

/// <summary>
/// Where a command writes: results on stdout (plain text, or one JSON object with --json), and
/// progress on stderr so that it never mixes with results.
/// </summary>
internal static class CliOutput
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>A console on stderr for progress bars and status; plain when stderr is not a terminal.</summary>
    public static IAnsiConsole Progress { get; } = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Console.Error),
    });

    /// <summary>A console on stdout for tables and text results.</summary>
    public static IAnsiConsole Results { get; } = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Console.Out),
    });

    /// <summary>Writes <paramref name="value"/> as one JSON object on stdout.</summary>
    public static void WriteJson<T>(T value) => WriteJson(Console.Out, value);

    /// <summary>Writes <paramref name="value"/> as one JSON object on <paramref name="output"/> (a command's stdout).</summary>
    public static void WriteJson<T>(TextWriter output, T value) => output.WriteLine(JsonSerializer.Serialize(value, JsonOptions));
}
