using System.CommandLine;
using HwGen.Model;
using HwGen.Sampling;

namespace HwGen.Cli.Commands;

/// <summary>
/// <c>hwgen run</c>: the whole flow on one model, as a list of stages run in order. Today: load
/// the model and sample 20 names at temperature 0.5; later stages (quantize, generate RTL,
/// simulate, prove, build) are appended to <see cref="Stages"/>.
/// </summary>
internal static class RunCommand
{
    public const int SampleCount = 20;
    public const double SampleTemperature = 0.5;

    /// <summary>What the stages share: inputs, where to write, and what earlier stages produced.</summary>
    internal sealed class RunContext(FileInfo modelFile, int seed, TextWriter output)
    {
        public FileInfo ModelFile { get; } = modelFile;
        public int Seed { get; } = seed;
        public TextWriter Output { get; } = output;
        public ModelWeights? Weights { get; set; }
    }

    /// <summary>One named step of the flow.</summary>
    internal sealed record Stage(string Name, Action<RunContext> Execute);

    /// <summary>The stages in the order they run.</summary>
    public static IReadOnlyList<Stage> Stages { get; } =
    [
        new("load model", ctx => ctx.Weights = ModelFiles.Load(ctx.ModelFile)),
        new("sample", ctx =>
        {
            var options = new SamplingOptions(SampleTemperature, ctx.Seed);
            foreach (var name in SampleCommand.Generate(ctx.Weights!, options, SampleCount))
                ctx.Output.WriteLine(name);
        }),
    ];

    public static Command Create()
    {
        var model = CommonOptions.Model();
        var seed = CommonOptions.Seed();
        var command = new Command("run", $"Run the flow on a model (today: sample {SampleCount} names at temperature {SampleTemperature}).")
        {
            model, seed,
        };
        command.SetAction(parseResult =>
        {
            var ctx = new RunContext(parseResult.GetValue(model)!, parseResult.GetValue(seed), parseResult.InvocationConfiguration.Output);
            ModelFiles.RequireExists(ctx.ModelFile); // fail before any stage starts
            var progress = parseResult.InvocationConfiguration.Error;
            for (var i = 0; i < Stages.Count; i++)
            {
                progress.WriteLine($"hwgen run: stage {i + 1}/{Stages.Count}: {Stages[i].Name}");
                Stages[i].Execute(ctx);
            }
            return 0;
        });
        return command;
    }
}
