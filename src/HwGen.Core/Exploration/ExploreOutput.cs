using System.Text;
using HwGen.Rendering;

namespace HwGen.Exploration;

/// <summary>Writes an exploration's explore.html and explore.json into a folder, both or neither (the folder is swapped in whole).</summary>
public static class ExploreOutput
{
    /// <summary>The page's file name.</summary>
    public const string HtmlFile = "explore.html";

    /// <summary>The JSON report's file name.</summary>
    public const string JsonFile = "explore.json";

    /// <summary>Checks before any work that <paramref name="outDir"/> may be replaced; returns its absolute path.</summary>
    /// <exception cref="HwGenException">It holds files HwGen did not write, or is a file.</exception>
    public static string Check(string outDir) => OutputFolder.CheckReplaceable(outDir);

    /// <summary>Writes the two files of <paramref name="report"/> to <paramref name="outDir"/>, replacing the folder; returns its absolute path.</summary>
    public static string Write(ExplorationReport report, string outDir)
    {
        var plan = new BuildPlan($"{report.Model} sha256 {report.ModelSha256}");
        plan.AddBytes(HtmlFile, Encoding.UTF8.GetBytes(ExplorePage.Render(report)));
        plan.AddBytes(JsonFile, Encoding.UTF8.GetBytes(report.ToJson() + "\n"));
        return plan.WriteAtomically(outDir);
    }
}
