using System.CommandLine;
using HwGen.Cli;

namespace HwGen.Tests.Cli;

/// <summary>How the command line reports errors and help.</summary>
public class CliRunnerTests
{
    private static RootCommand Root(Func<ParseResult, int> action)
    {
        var root = new RootCommand("test root");
        var command = new Command("act", "runs the test action");
        command.SetAction(action);
        root.Subcommands.Add(command);
        return root;
    }

    private static (int Code, string Stdout, string Stderr) Run(RootCommand root, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliRunner.Run(root, args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Test]
    public void AUserErrorIsOneLineOnStderrAndExitCode2()
    {
        var (code, stdout, stderr) = Run(Root(_ => throw new HwGenException("m.safetensors: tensor 'wte' is missing.")), "act");
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Is.EqualTo("hwgen: error: m.safetensors: tensor 'wte' is missing." + Environment.NewLine));
        Assert.That(stdout, Is.Empty);
    }

    [Test]
    public void AUserErrorAfterSomeOutputStillEndsInOneErrorLine()
    {
        var (code, stdout, stderr) = Run(Root(p =>
        {
            p.InvocationConfiguration.Output.WriteLine("partial");
            throw new HwGenException("stopped here.");
        }), "act");
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stdout, Is.EqualTo("partial" + Environment.NewLine));
        Assert.That(stderr, Is.EqualTo("hwgen: error: stopped here." + Environment.NewLine));
    }

    [Test]
    public void ABugKeepsItsExceptionAndStackTrace()
    {
        var root = Root(_ => throw new InvalidOperationException("bug"));
        Assert.Throws<InvalidOperationException>(() => CliRunner.Run(root, ["act"], new StringWriter(), new StringWriter()));
    }

    [Test]
    public void ASuccessfulActionReturnsItsCodeAndWritesToTheCapturedStdout()
    {
        var (code, stdout, stderr) = Run(Root(p =>
        {
            CliOutput.Out(p).WriteLine("result");
            return 0;
        }), "act");
        Assert.That(code, Is.EqualTo(0));
        Assert.That(stdout, Is.EqualTo("result" + Environment.NewLine));
        Assert.That(stderr, Is.Empty);
    }

    [Test]
    public void RootHelpListsTheCommands()
    {
        var (code, stdout, stderr) = Run(Root(_ => 0), "--help");
        Assert.That(code, Is.EqualTo(0));
        Assert.That(stdout, Does.Contain("test root"));
        Assert.That(stdout, Does.Contain("act"));
        Assert.That(stdout, Does.Contain("runs the test action"));
        Assert.That(stderr, Is.Empty);
    }

    [Test]
    public void AnUnknownOptionIsAParseErrorOnStderr()
    {
        var (code, stdout, stderr) = Run(Root(_ => 0), "act", "--no-such-option");
        Assert.That(code, Is.Not.EqualTo(0));
        Assert.That(stderr, Does.Contain("--no-such-option"));
        Assert.That(stdout, Does.Not.Contain("--no-such-option"));
    }
}
