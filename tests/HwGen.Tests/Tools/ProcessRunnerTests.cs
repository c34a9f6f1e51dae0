using System.Diagnostics;
using System.Text.Json;
using HwGen.Tools;

namespace HwGen.Tests.Tools;

public class ProcessRunnerTests
{
    private static ProcessResult Fake(params string[] args) =>
        ProcessRunner.Run(new ProcessSpec(FakeToolPaths.Program, args, Timeout: TimeSpan.FromSeconds(60)));

    [Test]
    public void ExitCodeStdoutAndStderrAreCaptured()
    {
        var result = Fake("out", "3", "err", "2", "exit", "7");
        Assert.That(result.ExitCode, Is.EqualTo(7));
        Assert.That(result.TimedOut, Is.False);
        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.Stdout, Is.EqualTo("out 1\nout 2\nout 3\n"));
        Assert.That(result.Stderr, Is.EqualTo("err 1\nerr 2\n"));
        Assert.That(result.Tail(1), Is.EqualTo("err 2"));
    }

    [Test]
    public void ZeroExitCodeSucceeds()
    {
        var result = Fake("out", "1");
        Assert.That(result.ExitCode, Is.EqualTo(0));
        Assert.That(result.Succeeded, Is.True);
    }

    [Test]
    public void LargeOutputOnBothStreamsDoesNotDeadlock()
    {
        // Far beyond a pipe buffer (64 KiB) on both streams at once.
        var result = Fake("err", "150000", "out", "150000", "err", "10");
        Assert.That(result.ExitCode, Is.EqualTo(0));
        var outLines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var errLines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(outLines, Has.Length.EqualTo(150000));
        Assert.That(outLines[^1], Is.EqualTo("out 150000"));
        Assert.That(errLines, Has.Length.EqualTo(150010));
        Assert.That(errLines[^1], Is.EqualTo("err 10"));
    }

    [Test]
    public void TimeoutKillsTheWholeProcessTree()
    {
        var started = Stopwatch.StartNew();
        var result = ProcessRunner.Run(new ProcessSpec(FakeToolPaths.Program, ["child", "60000", "sleep", "60000"], Timeout: TimeSpan.FromSeconds(2)));
        Assert.That(result.TimedOut, Is.True);
        Assert.That(result.Succeeded, Is.False);
        Assert.That(started.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)), "the runner waited for the sleeping tool");
        var childLine = result.Stdout.Split('\n').Single(l => l.StartsWith("child ", StringComparison.Ordinal));
        var childPid = int.Parse(childLine["child ".Length..]);
        Assert.That(WaitUntilGone(childPid, TimeSpan.FromSeconds(10)), Is.True, $"grandchild {childPid} survived the timeout");
    }

    [Test]
    public void CancellationKillsTheProcessAndThrows()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var started = Stopwatch.StartNew();
        Assert.Throws<OperationCanceledException>(() =>
            ProcessRunner.Run(new ProcessSpec(FakeToolPaths.Program, ["sleep", "60000"]), cancel.Token));
        Assert.That(started.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)));
    }

    [Test]
    public void ArgumentsReachTheProgramExactly()
    {
        string[] tricky = ["a b", "", "it's", "say \"hi\"", "back\\slash", "$HOME", "*", "semi;colon", "new\nline", "ünïcode", "--flag=x y"];
        var result = Fake(["args", .. tricky]);
        Assert.That(result.ExitCode, Is.EqualTo(0));
        var received = JsonSerializer.Deserialize<string[]>(result.Stdout);
        Assert.That(received, Is.EqualTo(tricky));
    }

    [Test]
    public void CommandLineIsQuotedForAShell()
    {
        var line = CommandLine.Format("verilator", ["--cc", "my file.sv", "", "it's", "-DW=8", "$x"]);
        Assert.That(line, Is.EqualTo("verilator --cc 'my file.sv' '' 'it'\\''s' -DW=8 '$x'"));
    }

    [Test]
    public void WorkingDirectoryAndEnvironmentAreApplied()
    {
        var dir = TestPaths.NewTempDir("runner-cwd");
        Environment.SetEnvironmentVariable("HWGEN_TEST_REMOVED", "inherited");
        try
        {
            var result = ProcessRunner.Run(new ProcessSpec(FakeToolPaths.Program,
                ["cwd", "env", "HWGEN_TEST_SET", "env", "HWGEN_TEST_REMOVED", "write", "made.txt", "hello"],
                dir, new Dictionary<string, string?> { ["HWGEN_TEST_SET"] = "value with space", ["HWGEN_TEST_REMOVED"] = null }));
            Assert.That(result.Stdout, Is.EqualTo($"{dir}\nvalue with space\n<unset>\n"));
            Assert.That(File.ReadAllText(Path.Combine(dir, "made.txt")), Is.EqualTo("hello"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("HWGEN_TEST_REMOVED", null);
        }
    }

    [Test]
    public void OutputIsTeedToTheLogFile()
    {
        var log = Path.Combine(TestPaths.NewTempDir("runner-log"), "sub", "tool.log");
        var result = ProcessRunner.Run(new ProcessSpec(FakeToolPaths.Program, ["out", "2", "exit", "3"], LogFile: log));
        Assert.That(result.LogFile, Is.EqualTo(log));
        var lines = File.ReadAllLines(log);
        Assert.That(lines[0], Is.EqualTo($"$ {FakeToolPaths.Program} out 2 exit 3"));
        Assert.That(lines[1..3], Is.EqualTo(new[] { "out 1", "out 2" }));
        Assert.That(lines[3], Does.StartWith("# exit code 3 after "));
    }

    [Test]
    public void AProgramThatDoesNotExistIsAClearError()
    {
        var e = Assert.Throws<HwGenException>(() => ProcessRunner.Run(new ProcessSpec("/nonexistent/tool", ["x"])));
        Assert.That(e!.Message, Does.StartWith("Could not start '/nonexistent/tool': "));
        Assert.That(e.Message, Does.EndWith("Check that it is installed and on PATH. Command: /nonexistent/tool x"));
    }

    [Test]
    public void ToolFailureCarriesTheCommandExitCodeAndStderrTail()
    {
        var result = Fake("err", "30", "exit", "5");
        var failure = new ToolFailure("faketool", result, []);
        Assert.That(failure.ExitCode, Is.EqualTo(5));
        Assert.That(failure.CommandLine, Is.EqualTo($"{FakeToolPaths.Program} err 30 exit 5"));
        Assert.That(failure.StderrTail.Split('\n'), Has.Length.EqualTo(20));
        Assert.That(failure.StderrTail, Does.EndWith("err 30"));
        Assert.That(failure.Message, Is.EqualTo($"faketool failed with exit code 5: err 30. Command: {FakeToolPaths.Program} err 30 exit 5"));
        Assert.That(failure, Is.InstanceOf<HwGenException>());
    }

    private static bool WaitUntilGone(int pid, TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < limit)
        {
            var stat = $"/proc/{pid}/stat";
            if (!File.Exists(stat))
                return true;
            try
            {
                // A zombie (state Z) is dead, only not yet reaped.
                var state = File.ReadAllText(stat).Split(") ")[1][0];
                if (state is 'Z' or 'X')
                    return true;
            }
            catch (IOException)
            {
                return true;
            }
            Thread.Sleep(100);
        }
        return false;
    }
}
