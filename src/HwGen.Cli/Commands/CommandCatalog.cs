using System.CommandLine;

namespace HwGen.Cli.Commands;

/// <summary>Every subcommand of <c>hwgen</c>, in the order <c>--help</c> lists them.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return RunCommand.Create();
        yield return InfoCommand.Create();
        yield return EvalCommand.Create();
        yield return SampleCommand.Create();
        yield return TrainCommand.Create();
        yield return QuantizeCommand.Create();
        yield return BenchCommand.Create();
        yield return GenerateCommand.Create();
        yield return SimulateCommand.Create();
        yield return VerifyCommand.Create();
        yield return SynthCommand.Create();
        yield return ReportCommand.Create();
        yield return ExploreCommand.Create();
    }
}
