using System.Text.Json;
using HwGen.Fpga;

namespace HwGen.Reporting;

/// <summary>Reads the report.json a <c>hwgen synth</c> run wrote, for <c>hwgen report --synth</c>.</summary>
public static class SynthReportFile
{
    /// <summary>Loads the synth report at <paramref name="path"/>: a synth output folder or its report.json.</summary>
    /// <exception cref="HwGenException">Nothing there, or not a synth report.</exception>
    public static SynthReport Load(string path)
    {
        var full = Path.GetFullPath(path);
        var file = Directory.Exists(full) ? Path.Combine(full, SynthReport.FileName) : full;
        if (!File.Exists(file))
            throw new HwGenException($"{file}: synth report not found; give --synth a hwgen synth output folder or its {SynthReport.FileName}.");
        try
        {
            var report = JsonSerializer.Deserialize<SynthReport>(File.ReadAllText(file), ReportJson.Options);
            if (report is null || report.Resources is null || report.Clock is null || report.Board is null || report.Model is null)
                throw new JsonException("fields are missing");
            return report;
        }
        catch (JsonException e)
        {
            throw new HwGenException($"{file}: not a hwgen synth report ({FirstLine(e.Message)}); give --synth the {SynthReport.FileName} hwgen synth wrote.", e);
        }
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n')[0].Trim().TrimEnd('.');
        return line.Length > 120 ? line[..120] + "..." : line;
    }
}
