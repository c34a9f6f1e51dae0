namespace HwGen.Tests.Tools;

/// <summary>The stand-in tool (tests/FakeTool), built next to the tests.</summary>
internal static class FakeToolPaths
{
    public static string Program
    {
        get
        {
            var path = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "FakeTool.exe" : "FakeTool");
            Assert.That(File.Exists(path), Is.True, $"FakeTool not built at {path}");
            return path;
        }
    }
}
