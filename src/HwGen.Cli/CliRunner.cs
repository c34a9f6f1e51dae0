using System.CommandLine;
using HwGen;

namespace HwGen.Cli;

/// <summary>
/// Parses and invokes a command line. User errors (<see cref="HwGenException"/>) print one line
/// on stderr and exit 2; anything else is a bug in HwGen and keeps its stack trace.
/// </summary>
internal static class CliRunner
{
    public const int UserError = 2;

    public static int Run(RootCommand root, string[] args, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        var config = new InvocationConfiguration { EnableDefaultExceptionHandler = false };
        if (stdout is not null)
            config.Output = stdout;
        if (stderr is not null)
            config.Error = stderr;
        try
        {
            return root.Parse(args).Invoke(config);
        }
        catch (HwGenException e)
        {
            (stderr ?? Console.Error).WriteLine($"hwgen: error: {e.Message}");
            return UserError;
        }
        catch (OperationCanceledException)
        {
            (stderr ?? Console.Error).WriteLine("hwgen: cancelled.");
            return 130;
        }
    }
}
