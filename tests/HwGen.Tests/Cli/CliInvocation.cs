using System.CommandLine;
using HwGen.Cli;
using HwGen.Cli.Commands;

namespace HwGen.Tests.Cli;

/// <summary>The outcome of one in-process <c>hwgen</c> invocation.</summary>
internal sealed record CliInvocation(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Runs <c>hwgen args</c> through <see cref="CliRunner"/> with captured stdout and stderr.</summary>
    public static CliInvocation Run(params string[] args)
    {
        var root = new RootCommand("hwgen");
        foreach (var command in CommandCatalog.All())
            root.Subcommands.Add(command);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliRunner.Run(root, args, stdout, stderr);
        return new CliInvocation(code, stdout.ToString(), stderr.ToString());
    }
}
