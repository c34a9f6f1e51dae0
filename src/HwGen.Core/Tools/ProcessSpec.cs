namespace HwGen.Tools;

/// <summary>
/// What to run: a program, its arguments as a list (each passed to the program verbatim, never
/// through a shell), and where and how long it may run.
/// </summary>
/// <param name="Program">The program: a path, or a name looked up on PATH by the operating system.</param>
/// <param name="Arguments">The arguments, one element per argument.</param>
/// <param name="WorkingDirectory">The working directory; null keeps the current one.</param>
/// <param name="Environment">Variables to set (a null value removes the variable) on top of the inherited environment.</param>
/// <param name="Timeout">Wall-clock limit; when it passes the whole process tree is killed. Null: no limit.</param>
/// <param name="LogFile">A file that receives the command line, every output line as it arrives, and the outcome. Null: no log.</param>
public sealed record ProcessSpec(
    string Program,
    IReadOnlyList<string> Arguments,
    string? WorkingDirectory = null,
    IReadOnlyDictionary<string, string?>? Environment = null,
    TimeSpan? Timeout = null,
    string? LogFile = null)
{
    /// <summary>The command line quoted for display (<see cref="Tools.CommandLine.Format"/>).</summary>
    public string CommandLine => Tools.CommandLine.Format(Program, Arguments);
}
