using System.CommandLine;
using System.Diagnostics;
using System.Security.Cryptography;
using HwGen.Model;
using HwGen.Training;
using Spectre.Console;

namespace HwGen.Cli.Commands;

/// <summary><c>hwgen train</c>: trains a microGPT-family model on a text corpus and saves it as safetensors.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var corpus = new Option<FileInfo>("--corpus")
        {
            Description = "Training text, one document (e.g. a name) per line; the vocabulary is its sorted set of characters plus BOS.",
            Required = true,
        };
        var output = new Option<FileInfo>("--out", "-o")
        {
            Description = "Where to write the trained model (safetensors, written atomically).",
            Required = true,
        };
        var steps = new Option<int>("--steps") { Description = "Adam steps.", DefaultValueFactory = _ => TrainingOptions.DefaultSteps };
        var batch = new Option<int>("--batch") { Description = "Documents per step.", DefaultValueFactory = _ => TrainingOptions.DefaultBatchSize };
        var seed = CommonOptions.Seed((int)TrainingOptions.DefaultSeed);
        var nEmbd = new Option<int>("--n-embd") { Description = "Width of the residual stream.", DefaultValueFactory = _ => 16 };
        var nHead = new Option<int>("--n-head") { Description = "Attention heads (must divide --n-embd).", DefaultValueFactory = _ => 4 };
        var nLayer = new Option<int>("--n-layer") { Description = "Transformer blocks.", DefaultValueFactory = _ => 1 };
        var blockSize = new Option<int>("--block-size") { Description = "Context length; longer documents are cut.", DefaultValueFactory = _ => 16 };
        var lr = new Option<double>("--lr") { Description = "Adam learning rate at the first step; it decays linearly to 0.", DefaultValueFactory = _ => 0.01 };
        var json = CommonOptions.Json();

        var command = new Command("train", "Train a microGPT-family model on a text corpus (deterministic for a seed) and save it as safetensors.")
        {
            corpus, output, steps, batch, seed, nEmbd, nHead, nLayer, blockSize, lr, json,
        };
        command.SetAction(parse =>
        {
            var options = new TrainingOptions(
                Steps: parse.GetValue(steps),
                Seed: parse.GetValue(seed),
                BatchSize: parse.GetValue(batch),
                LearningRate: parse.GetValue(lr)).Validated();
            var corpusPath = parse.GetValue(corpus)!.FullName;
            var outPath = parse.GetValue(output)!.FullName;
            var data = TrainingCorpus.Load(corpusPath);
            var config = data.ModelConfig(parse.GetValue(nLayer), parse.GetValue(nEmbd), parse.GetValue(nHead), parse.GetValue(blockSize))
                .Validated("hwgen train");
            return Run(data, config, options, outPath, parse.GetValue(json), parse.InvocationConfiguration.Output);
        });
        return command;
    }

    private static int Run(TrainingCorpus data, Model.ModelConfig config, TrainingOptions options, string outPath, bool json, TextWriter output)
    {
        var clock = Stopwatch.StartNew();
        TrainingResult? result = null;
        CliOutput.Progress.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(Describe(0, double.NaN), maxValue: options.Steps);
                var every = Math.Max(1, options.Steps / 200);
                result = Trainer.Train(data, config, options, p =>
                {
                    if (p.Step % every == 0 || p.Step == p.Steps)
                    {
                        task.Description = Describe(p.Step, p.RunningLoss);
                        task.Value = p.Step;
                    }
                });
            });
        var trainSeconds = clock.Elapsed.TotalSeconds;
        Directory.CreateDirectory(Path.GetDirectoryName(outPath)!);
        SafeTensors.Save(result!.Model, outPath);
        var nll = CorpusNll.Mean(result.Model, data);
        var sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(outPath)));
        if (json)
        {
            CliOutput.WriteJson(output, new Result(outPath, result.FinalLoss, nll, result.Steps, options.BatchSize, options.Seed, Math.Round(trainSeconds, 2), sha));
        }
        else
        {
            output.WriteLine(
                $"Trained {config} for {result.Steps} steps x {options.BatchSize} documents in {trainSeconds:F1} s: " +
                $"final loss {result.FinalLoss:F4}, mean NLL over the corpus {nll:F4} nats/token.");
            output.WriteLine($"Wrote {outPath} (sha256 {sha}).");
        }
        return 0;
    }

    /// <summary>The --json object: final_loss is the mean loss of the last 100 steps, corpus_nll the saved model's mean NLL per token over the corpus.</summary>
    private sealed record Result(string Out, double FinalLoss, double CorpusNll, int Steps, int Batch, long Seed, double Seconds, string Sha256);

    private static string Describe(int step, double runningLoss) =>
        double.IsNaN(runningLoss) ? "training" : $"step {step}, loss {runningLoss:F4}";
}
