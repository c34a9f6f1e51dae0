using System.Text.Json;
using HwGen.Fpga;

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
    /// Writes the page and the JSON into <paramref name="outDir"/> (created when missing). Both are
    /// rendered before a byte is written, and each file is written to a temporary file then renamed,
    /// so a failure leaves the folder as it was. Returns the page's path.
    /// </summary>
    /// <exception cref="HwGenException">The folder is a file or cannot be written.</exception>
    public static string Write(string outDir, RunReport report)
    {
        var dir = Path.GetFullPath(outDir);
        if (File.Exists(dir))
            throw new HwGenException($"Output folder {dir} is a file. Choose another --out.");
        var files = new[] { (RunReport.HtmlFile, ReportPage.Render(report)), (RunReport.JsonFile, ToJson(report)) };
        var temps = new List<string>();
        try
        {
            Directory.CreateDirectory(dir);
            foreach (var (name, content) in files)
            {
                var temp = Path.Combine(dir, $".{name}.tmp-{Guid.NewGuid():N}");
                temps.Add(temp);
                File.WriteAllText(temp, content);
            }
            for (var i = 0; i < files.Length; i++)
                File.Move(temps[i], Path.Combine(dir, files[i].Item1), overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HwGenException($"Could not write the report into {dir}: {e.Message.TrimEnd('.')}. Check the folder's permissions or choose another --out.", e);
        }
        finally
        {
            foreach (var t in temps.Where(File.Exists))
                File.Delete(t);
        }
        return Path.Combine(dir, RunReport.HtmlFile);
    }
}
