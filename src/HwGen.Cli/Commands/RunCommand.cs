using System.CommandLine;
using System.Globalization;
using HwGen.Model;
using HwGen.Quantization;
using HwGen.Simulation;
using HwGen.Tools;
using HwGen.Verification;

namespace HwGen.Cli.Commands;

/// <summary>
/// <c>hwgen run</c>: the whole flow on one model, as a list of stages run in order: load the
/// model, quantize it (auto formats), generate the RTL, build it with Verilator, simulate
/// <see cref="SampleCount"/> samples at temperature <see cref="SampleTemperature"/>, and verify
/// them against the golden model. Prints the names the hardware generated, its cycles per token
/// and the verdict; exit code 0 only when the hardware equals the golden model.
/// </summary>
internal static class RunCommand
{
    public const int SampleCount = 20;
    public const double SampleTemperature = 0.5;
    public const int DefaultLanes = 4;

    /// <summary>What the stages share: inputs, where to write, and what earlier stages produced.</summary>
    internal sealed class RunContext(FileInfo modelFile, int seed, int lanes, string work, TextWriter output)
    {
        public FileInfo ModelFile { get; } = modelFile;
        public int Seed { get; } = seed;
        public int Lanes { get; } = lanes;
        public string Work { get; } = work;
        public TextWriter Output { get; } = output;
        public ModelWeights? Weights { get; set; }
        public NumericsPlan? Plan { get; set; }
        public DesignUnderTest? Design { get; set; }
        public SimulationRunner? Runner { get; init; }
        public VerilatorBuild? Build { get; set; }
        public IReadOnlyList<SampleStimulus>? Stimulus { get; set; }
        public SimulationRun? Simulation { get; set; }
        public VerificationReport? Report { get; set; }
        public string? Target { get; init; }
    }

    /// <summary>One named step of the flow.</summary>
    internal sealed record Stage(string Name, Action<RunContext> Execute);

    /// <summary>The stages in the order they run.</summary>
    public static IReadOnlyList<Stage> Stages { get; } =
    [
        new("load model", ctx => ctx.Weights = ModelFiles.Load(ctx.ModelFile)),
        new("quantize", ctx => ctx.Plan = FixedPointOptions.Plan(ctx.Weights!, "auto", null)),
        new("generate", ctx => ctx.Design = HardwareSetup.Generate(ctx.ModelFile, ctx.Plan!, ctx.Lanes, ctx.Work)),
        new("verilate", ctx =>
        {
            ctx.Build = HardwareSetup.Status("building the simulation with Verilator (cached after the first build)",
                () => ctx.Runner!.Build(ctx.Design!.Design, ctx.Work));
        }),
        new("simulate", ctx =>
        {
            ctx.Stimulus = StimulusSet.Uniform(SampleCount, ctx.Seed, SampleTemperature, greedy: false);
            ctx.Simulation = ctx.Runner!.Run(ctx.Build!, ctx.Design!.Design, ctx.Stimulus, SimulationOptions.Default, ctx.Work);
            foreach (var name in HardwareSetup.Names(ctx.Plan!.Config, ctx.Stimulus, ctx.Simulation.Results))
                ctx.Output.WriteLine(name);
            var cycles = ctx.Simulation.Results.CyclesPerToken;
            ctx.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"cycles per token: mean {cycles.Mean:F1}, min {cycles.Min}, max {cycles.Max} ({cycles.Count} tokens, {ctx.Lanes} lane(s))"));
        }),
        new("verify", ctx =>
        {
            var expected = ctx.Stimulus!.Select(ctx.Design!.Golden.Generate).ToArray();
            ctx.Report = Verifier.Compare(ctx.Stimulus!, expected, ctx.Simulation!.Results.Samples);
            foreach (var line in VerifyCommand.Describe(ctx.Report))
                ctx.Output.WriteLine(line);
        }),
    ];

    /// <summary>The stage that continues to the board build when --target is given.</summary>
    public static Stage BoardStage { get; } = new("build for the board", SynthCommand.RunStage);

    public static Command Create()
    {
        var model = CommonOptions.Model();
        var seed = CommonOptions.Seed();
        var lanes = HardwareSetup.Lanes(DefaultLanes);
        var work = HardwareSetup.Work();
        var target = SynthCommand.RunTarget();
        var command = new Command("run", $"Run the whole flow on a model: quantize, generate the RTL, build it with Verilator, simulate {SampleCount} names at temperature {SampleTemperature} and verify them bit for bit against the golden model.")
        {
            model, seed, lanes, work, target,
        };
        command.SetAction(parseResult =>
        {
            var modelFile = parseResult.GetValue(model)!;
            ModelFiles.RequireExists(modelFile); // fail before any stage starts
            var runner = HardwareSetup.Runner(); // so does a missing Verilator
            var dir = HardwareSetup.WorkDirectory(parseResult.GetValue(work), out var temporary);
            var ctx = new RunContext(modelFile, parseResult.GetValue(seed), parseResult.GetValue(lanes), dir, parseResult.InvocationConfiguration.Output)
            {
                Runner = runner,
                Target = parseResult.GetValue(target),
            };
            var progress = parseResult.InvocationConfiguration.Error;
            IReadOnlyList<Stage> stages = ctx.Target is null ? Stages : [.. Stages, BoardStage];
            for (var i = 0; i < stages.Count; i++)
            {
                progress.WriteLine($"hwgen run: stage {i + 1}/{stages.Count}: {stages[i].Name}");
                stages[i].Execute(ctx);
            }
            if (!ctx.Report!.Passed)
            {
                ctx.Output.WriteLine($"files kept in {dir}");
                return VerifyCommand.Mismatch;
            }
            HardwareSetup.Finish(dir, temporary);
            return 0;
        });
        return command;
    }
}
