using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace HwGen.Tools;

/// <summary>
/// Runs one external program: argument list (no shell), working directory, environment, both
/// output streams read concurrently (a chatty program never blocks on a full pipe) and copied line
/// by line to a log file, a wall-clock timeout that kills the whole process tree, and cancellation.
/// A non-zero exit code is not an error here: the caller decides (see <see cref="ToolFailure"/>).
/// </summary>
public static class ProcessRunner
{
    /// <summary>Runs <paramref name="spec"/> to completion and returns how it ended.</summary>
    /// <exception cref="HwGenException">The program could not be started.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> fired; the process tree was killed.</exception>
    public static ProcessResult Run(ProcessSpec spec, CancellationToken cancellation = default) =>
        RunAsync(spec, cancellation).GetAwaiter().GetResult();

    /// <inheritdoc cref="Run"/>
    public static async Task<ProcessResult> RunAsync(ProcessSpec spec, CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        var commandLine = spec.CommandLine;
        using var log = OpenLog(spec.LogFile);
        log?.WriteLine($"$ {commandLine}");
        if (spec.WorkingDirectory is not null)
            log?.WriteLine($"# in {spec.WorkingDirectory}");

        using var process = new Process { StartInfo = StartInfo(spec) };
        var stopwatch = Stopwatch.StartNew();
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            log?.WriteLine($"# could not start: {e.Message}");
            throw new HwGenException($"Could not start '{spec.Program}': {e.Message}. Check that it is installed and on PATH. Command: {commandLine}", e);
        }
        process.StandardInput.Close();

        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var stdoutPump = PumpAsync(process.StandardOutput, stdout, log);
        var stderrPump = PumpAsync(process.StandardError, stderr, log);

        var timedOut = false;
        using (var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellation))
        {
            if (spec.Timeout is { } timeout)
                limit.CancelAfter(timeout);
            try
            {
                await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                KillTree(process);
                if (cancellation.IsCancellationRequested)
                {
                    log?.WriteLine("# cancelled; process tree killed");
                    await DrainAsync(stdoutPump, stderrPump).ConfigureAwait(false);
                    throw new OperationCanceledException($"Cancelled: {commandLine}", cancellation);
                }
                timedOut = true;
            }
        }
        await DrainAsync(stdoutPump, stderrPump).ConfigureAwait(false);
        stopwatch.Stop();

        var exitCode = timedOut ? -1 : process.ExitCode;
        var seconds = stopwatch.Elapsed.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
        log?.WriteLine(timedOut
            ? $"# timed out after {seconds} s; process tree killed"
            : $"# exit code {exitCode} after {seconds} s");
        return new ProcessResult(commandLine, exitCode, timedOut, stopwatch.Elapsed, stdout.ToString(), stderr.ToString(), spec.LogFile);
    }

    private static ProcessStartInfo StartInfo(ProcessSpec spec)
    {
        var info = new ProcessStartInfo(spec.Program)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            CreateNoWindow = true,
        };
        foreach (var argument in spec.Arguments)
            info.ArgumentList.Add(argument);
        if (spec.WorkingDirectory is not null)
            info.WorkingDirectory = spec.WorkingDirectory;
        foreach (var (name, value) in spec.Environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
                info.Environment.Remove(name);
            else
                info.Environment[name] = value;
        }
        return info;
    }

    private static SynchronizedWriter? OpenLog(string? path)
    {
        if (path is null)
            return null;
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
            Directory.CreateDirectory(directory);
        return new SynchronizedWriter(new StreamWriter(path, append: false, new UTF8Encoding(false)));
    }

    private static async Task PumpAsync(StreamReader reader, StringBuilder capture, SynchronizedWriter? log)
    {
        while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            capture.Append(line).Append('\n');
            log?.WriteLine(line);
        }
    }

    /// <summary>Waits for both pipes to close; a killed tree closes them at once, a stray grandchild holding them gets 5 s.</summary>
    private static async Task DrainAsync(Task stdoutPump, Task stderrPump)
    {
        var both = Task.WhenAll(stdoutPump, stderrPump);
        await Task.WhenAny(both, Task.Delay(TimeSpan.FromSeconds(5))).ConfigureAwait(false);
    }

    private static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // It exited between the timeout and the kill.
        }
    }

    /// <summary>A log writer shared by the two output pumps.</summary>
    private sealed class SynchronizedWriter(StreamWriter writer) : IDisposable
    {
        private readonly Lock _gate = new();
        private bool _closed;

        public void WriteLine(string line)
        {
            lock (_gate)
            {
                if (_closed)
                    return;
                writer.Write(line);
                writer.Write('\n');
            }
        }

        public void Dispose()
        {
            lock (_gate)
            {
                _closed = true;
                writer.Dispose();
            }
        }
    }
}
