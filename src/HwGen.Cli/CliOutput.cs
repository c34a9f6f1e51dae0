using System.CommandLine;
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

    /// <summary>A console on stderr for progress bars and status; plain text, no escape codes, when stderr is not a terminal.</summary>
    public static IAnsiConsole Progress { get; } = AnsiConsole.Create(Console.IsErrorRedirected
        ? new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Error),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        }
        : new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });

    /// <summary>
    /// The stdout of one invocation: <c>parseResult.InvocationConfiguration.Output</c>, which is
    /// <see cref="Console.Out"/> unless the caller (a test, via <see cref="CliRunner.Run"/>) captures it.
    /// Commands write their results here.
    /// </summary>
    public static TextWriter Out(ParseResult parseResult) => parseResult.InvocationConfiguration.Output;

    /// <summary>Writes <paramref name="value"/> as one JSON object on <paramref name="output"/> (a command's stdout).</summary>
    public static void WriteJson<T>(TextWriter output, T value) => output.WriteLine(JsonSerializer.Serialize(value, JsonOptions));
}
