using System.CommandLine;
using HwGen.Golden;
using HwGen.Model;
using HwGen.Quantization;
using HwGen.Reference;
using HwGen.Sampling;

namespace HwGen.Cli.Commands;

/// <summary><c>hwgen sample</c>: generates names with the float64 reference model.</summary>
internal static class SampleCommand
{
    /// <summary>The JSON result of <c>hwgen sample --json</c>.</summary>
    public sealed record Result(string Model, int Count, double Temperature, int Seed, bool Greedy, IReadOnlyList<string> Samples);

    public static Command Create()
    {
        var model = CommonOptions.Model();
        var json = CommonOptions.Json();
        var seed = CommonOptions.Seed();
        var count = new Option<int>("--count", "-n") { Description = "Number of samples.", DefaultValueFactory = _ => 20 };
        var temperature = Temperature();
        var greedy = new Option<bool>("--greedy") { Description = "Take the most likely token (lowest index on ties) instead of drawing." };
        var useFixed = FixedPointOptions.Fixed();
        var format = FixedPointOptions.Format();
        var calibration = FixedPointOptions.Calibration();
        var command = new Command("sample", "Generate samples (names) with the float64 reference model, or with --fixed the fixed-point golden model and the hardware's sampler (sample k is seeded with seed + k).")
        {
            model, count, temperature, seed, greedy, useFixed, format, calibration, json,
        };
        command.SetAction(parseResult =>
        {
            var n = parseResult.GetValue(count);
            if (n < 0)
                throw new HwGenException($"--count {n} must be zero or more.");
            var options = new SamplingOptions(parseResult.GetValue(temperature), parseResult.GetValue(seed), parseResult.GetValue(greedy)).Validated();
            var file = CommonOptions.ModelFile(parseResult, model);
            var weights = ModelFiles.Load(file);
            var samples = parseResult.GetValue(useFixed)
                ? GenerateFixed(FixedPointOptions.Plan(weights, parseResult.GetValue(format)!, parseResult.GetValue(calibration)), options, n)
                : Generate(weights, options, n);
            var output = parseResult.InvocationConfiguration.Output;
            if (parseResult.GetValue(json))
                CliOutput.WriteJson(output, new Result(file.Name, n, options.Temperature, options.Seed, options.Greedy, samples));
            else
                foreach (var s in samples)
                    output.WriteLine(s);
            return 0;
        });
        return command;
    }

    /// <summary>The --temperature option, shared with <c>hwgen run</c>.</summary>
    public static Option<double> Temperature() => new("--temperature", "-t")
    {
        Description = "Softmax temperature: below 1 is more conservative, above 1 more varied.",
        DefaultValueFactory = _ => 0.5,
    };

    /// <summary>
    /// <paramref name="count"/> samples of the golden model with the hardware's sampler: the
    /// temperature as a UQ8.8 code, sample k seeded with seed + k (docs/numerics.md 5.4).
    /// </summary>
    public static IReadOnlyList<string> GenerateFixed(NumericsPlan plan, SamplingOptions options, int count)
    {
        var sampler = new FixedSampler(new FixedGpt(plan));
        var code = options.Greedy ? 0 : Golden.Temperature.ToCode(options.Temperature);
        var vocab = new Vocabulary(plan.Config);
        return Enumerable.Range(0, count).Select(k => vocab.Decode(sampler.Generate(unchecked((uint)(options.Seed + k)), code, options.Greedy).Tokens)).ToArray();
    }

    /// <summary><paramref name="count"/> samples decoded to text with the model's vocabulary.</summary>
    public static IReadOnlyList<string> Generate(ModelWeights weights, SamplingOptions options, int count)
    {
        var sampler = new Sampler(new FloatGpt(weights), options);
        var vocab = new Vocabulary(weights.Config);
        return Enumerable.Range(0, count).Select(_ => vocab.Decode(sampler.Next())).ToArray();
    }
}
