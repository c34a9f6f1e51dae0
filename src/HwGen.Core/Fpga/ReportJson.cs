using System.Text.Encodings.Web;
using System.Text.Json;

namespace HwGen.Fpga;

/// <summary>The JSON form of reports written to files: snake_case names, indented, as <c>--json</c> prints them.</summary>
public static class ReportJson
{
    /// <summary>The serializer options.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
