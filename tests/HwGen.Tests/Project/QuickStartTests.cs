using System.Text.RegularExpressions;

namespace HwGen.Tests.Project;

/// <summary>The README's quick start and CI must say the same thing.</summary>
public class QuickStartTests
{
    private static string Read(string relative) => File.ReadAllText(Path.Combine(TestPaths.RepoRoot, relative));

    private static string[] QuickStartCommands()
    {
        var readme = Read("README.md");
        var section = Regex.Match(readme, @"## Quick start.*?```sh\n(?<cmds>.*?)```", RegexOptions.Singleline);
        Assert.That(section.Success, "README.md has no ```sh block under '## Quick start'");
        return section.Groups["cmds"].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    [Test]
    public void QuickStartIsExactlyTwoCommands()
    {
        Assert.That(QuickStartCommands(), Has.Length.EqualTo(2));
    }

    [Test]
    public void CiInstallsTheSamePackagesAsTheQuickStart()
    {
        var install = Regex.Match(QuickStartCommands()[0], @"apt-get install -y (?<pkgs>[a-z0-9 .+-]+?) &&");
        Assert.That(install.Success, "the first quick-start command installs no apt packages");
        var ci = Regex.Match(Read(".ci/run"), "^packages=\"(?<pkgs>[^\"]*)\"", RegexOptions.Multiline);
        Assert.That(ci.Success, ".ci/run has no packages=\"...\" line");
        Assert.That(ci.Groups["pkgs"].Value.Split(' '), Is.EquivalentTo(install.Groups["pkgs"].Value.Split(' ')));
    }

    [Test]
    public void CiRunsTheReadmeTestCommand()
    {
        var testCommand = QuickStartCommands()[1].Trim();
        Assert.That(Read(".ci/run"), Does.Contain("\n" + testCommand + "\n"));
        Assert.That(Read("build.ps1"), Does.Contain(testCommand));
    }
}
