namespace HwGen.Tools;

/// <summary>
/// How a process ended. <see cref="Stdout"/> and <see cref="Stderr"/> hold every line the process
/// wrote, each ended by '\n'.
/// </summary>
/// <param name="CommandLine">The command line, quoted for display.</param>
/// <param name="ExitCode">The exit code; meaningless when <see cref="TimedOut"/>.</param>
/// <param name="TimedOut">True when the wall-clock limit passed and the process tree was killed.</param>
/// <param name="Duration">Wall-clock time from start to exit.</param>
/// <param name="Stdout">Everything written on standard output.</param>
/// <param name="Stderr">Everything written on standard error.</param>
/// <param name="LogFile">The log file, when one was asked for.</param>
public sealed record ProcessResult(
    string CommandLine,
    int ExitCode,
    bool TimedOut,
    TimeSpan Duration,
    string Stdout,
    string Stderr,
    string? LogFile)
{
    /// <summary>True when the process exited by itself with code 0.</summary>
    public bool Succeeded => !TimedOut && ExitCode == 0;

    /// <summary>The last <paramref name="lines"/> lines of <see cref="Stderr"/> (of <see cref="Stdout"/> when stderr is empty).</summary>
    public string Tail(int lines = 20)
    {
        var text = Stderr.Length > 0 ? Stderr : Stdout;
        var all = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
    }
}
