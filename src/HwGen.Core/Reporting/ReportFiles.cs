using System.Text;
using System.Text.Json;
using HwGen.Fpga;
using HwGen.Rendering;

namespace HwGen.Reporting;

/// <summary>Writes and reads a run's report files: <see cref="RunReport.HtmlFile"/> (the page) and <see cref="RunReport.JsonFile"/>.</summary>
public static class ReportFiles
{
    /// <summary>The JSON form of <paramref name="report"/> (snake_case, indented, as --json prints it).</summary>
    public static string ToJson(RunReport report) => JsonSerializer.Serialize(report, ReportJson.Options) + "\n";

    /// <summary>Reads the JSON form back.</summary>
    /// <exception cref="HwGenException">The text is not a run report.</exception>
    public static RunReport FromJson(string json, string where)
    {
        try
        {
            return JsonSerializer.Deserialize<RunReport>(json, ReportJson.Options) ?? throw new JsonException("empty");
        }
        catch (JsonException e)
        {
            throw new HwGenException($"{where}: not a hwgen run report ({e.Message.Split('\n')[0].TrimEnd('.')}).", e);
        }
    }

    /// <summary>
    /// Writes the page and the JSON into <paramref name="outDir"/>, both or neither: the folder is
    /// written whole and swapped in (<see cref="BuildPlan.WriteAtomically"/>), so a failure leaves
    /// it as it was. Returns the page's path.
    /// </summary>
    /// <exception cref="HwGenException">The folder is a file, holds files HwGen did not write, or cannot be written.</exception>
    public static string Write(string outDir, RunReport report)
    {
        var plan = new BuildPlan($"{report.ModelName} sha256 {report.FileHash}");
        plan.AddBytes(RunReport.HtmlFile, Encoding.UTF8.GetBytes(ReportPage.Render(report)));
        plan.AddBytes(RunReport.JsonFile, Encoding.UTF8.GetBytes(ToJson(report)));
        return Path.Combine(plan.WriteAtomically(outDir), RunReport.HtmlFile);
    }
}
