using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using HwGen.Golden;
using HwGen.Reference;

namespace HwGen.Cli.Commands;

/// <summary>
/// <c>hwgen eval</c>: measures the float64 reference model against golden logits (--golden) or
/// by its mean NLL over a corpus (--corpus), and reports how fast it ran.
/// </summary>
internal static class EvalCommand
{
    /// <summary>The JSON result of <c>hwgen eval --golden G --json</c>.</summary>
    public sealed record GoldenResult(string Model, string Golden, GoldenComparison Comparison, double Seconds, FixedReport? Fixed = null);

    /// <summary>The JSON result of <c>hwgen eval --corpus F --json</c>.</summary>
    public sealed record CorpusResult(string Model, string Corpus, CorpusLoss Loss, double Seconds, double TokensPerSecond, FixedReport? Fixed = null);

    /// <summary>With --fixed: the format rule, the logit format and the saturation events per site.</summary>
    public sealed record FixedReport(string FormatRule, string LogitFormat, long Saturations, IReadOnlyList<SiteSaturation> Sites)
    {
        public static FixedReport? Of(ILogitModel model) => model is FixedGpt f
            ? new FixedReport(f.Plan.FormatRule, f.LogitFormat.ToString(), f.TotalSaturations, f.Saturations())
            : null;

        public void Write(TextWriter output)
        {
            output.WriteLine(Inv($"fixed point:     formats {FormatRule}, logits {LogitFormat}, {Saturations} saturation events"));
            foreach (var s in Sites.Where(s => s.Events > 0))
                output.WriteLine(Inv($"  {s.Site} ({s.Format}): {s.Events}"));
        }
    }

    public static Command Create()
    {
        var model = CommonOptions.Model();
        var json = CommonOptions.Json();
        var golden = new Option<FileInfo?>("--golden") { Description = "Golden logits (JSON, schema in shared/README.md): report the logit error." };
        var corpus = new Option<FileInfo?>("--corpus") { Description = "Text, one document per line: report the mean NLL per token (microGPT's loss)." };
        var vocab = new Option<string?>("--vocab")
        {
            Description = "The characters of the non-BOS tokens in token order, for --corpus with a model whose metadata has none (e.g. abcdefghijklmnopqrstuvwxyz).",
        };
        var useFixed = FixedPointOptions.Fixed();
        var format = FixedPointOptions.Format();
        var calibration = FixedPointOptions.Calibration();
        var command = new Command("eval", "Evaluate the float64 reference model (or, with --fixed, the fixed-point golden model) against golden logits or on a corpus.")
        {
            model, golden, corpus, vocab, useFixed, format, calibration, json,
        };
        command.SetAction(parseResult =>
        {
            var goldenFile = parseResult.GetValue(golden);
            var corpusFile = parseResult.GetValue(corpus);
            if ((goldenFile is null) == (corpusFile is null))
                throw new HwGenException("eval needs exactly one of --golden FILE or --corpus FILE.");
            var modelFile = CommonOptions.ModelFile(parseResult, model);
            var weights = ModelFiles.Load(modelFile);
            var output = parseResult.InvocationConfiguration.Output;
            var asJson = parseResult.GetValue(json);
            ILogitModel evaluated = parseResult.GetValue(useFixed)
                ? new FixedGpt(FixedPointOptions.Plan(weights, parseResult.GetValue(format)!, parseResult.GetValue(calibration)))
                : new FloatGpt(weights);
            if (goldenFile is not null)
                EvalGolden(evaluated, modelFile, goldenFile, output, asJson);
            else
                EvalCorpus(evaluated, modelFile, corpusFile!, parseResult.GetValue(vocab), output, asJson);
            return 0;
        });
        return command;
    }

    private static void EvalGolden(ILogitModel model, FileInfo modelFile, FileInfo goldenFile, TextWriter output, bool json)
    {
        var golden = GoldenFile.Load(goldenFile.FullName);
        var watch = Stopwatch.StartNew();
        var c = Evaluation.CompareGolden(model, golden, modelFile.FullName);
        var seconds = watch.Elapsed.TotalSeconds;
        if (json)
        {
            CliOutput.WriteJson(output, new GoldenResult(modelFile.Name, goldenFile.Name, c, seconds, FixedReport.Of(model)));
            return;
        }
        var agreeing = (int)Math.Round(c.Top1Agreement * c.Positions);
        output.WriteLine(Inv($"model:           {modelFile.Name} ({model.Config})"));
        output.WriteLine(Inv($"golden:          {goldenFile.Name}, {c.Cases} cases, {c.Positions} positions"));
        output.WriteLine(Inv($"max |error|:     {c.MaxAbsError:G4} (case {c.WorstCase}, position {c.WorstPosition}, logit {c.WorstToken})"));
        output.WriteLine(Inv($"mean |error|:    {c.MeanAbsError:G4}"));
        output.WriteLine(Inv($"top-1 agreement: {c.Top1Agreement:F6} ({agreeing}/{c.Positions})"));
        FixedReport.Of(model)?.Write(output);
    }

    private static void EvalCorpus(ILogitModel model, FileInfo modelFile, FileInfo corpusFile, string? vocab, TextWriter output, bool json)
    {
        var config = vocab is null ? model.Config : (model.Config with { Vocab = vocab }).Validated($"--vocab \"{vocab}\"");
        if (config.Vocab is null)
            throw new HwGenException($"{modelFile.Name}: the model has no vocabulary characters in its metadata, so the corpus cannot be encoded; give them with --vocab (e.g. --vocab abcdefghijklmnopqrstuvwxyz).");
        var corpus = TokenCorpus.Load(corpusFile.FullName, config);
        var watch = Stopwatch.StartNew();
        var loss = Evaluation.MeanNll(model, corpus);
        var seconds = watch.Elapsed.TotalSeconds;
        var rate = loss.Tokens / Math.Max(seconds, 1e-9);
        if (json)
        {
            CliOutput.WriteJson(output, new CorpusResult(modelFile.Name, corpusFile.Name, loss, seconds, rate, FixedReport.Of(model)));
            return;
        }
        output.WriteLine(Inv($"model:    {modelFile.Name} ({model.Config})"));
        output.WriteLine(Inv($"corpus:   {corpusFile.Name}, {loss.Documents} documents, {loss.Tokens} predicted tokens"));
        output.WriteLine(Inv($"mean NLL: {loss.MeanNll:F6} nats/token"));
        output.WriteLine(Inv($"speed:    {seconds:F3} s, {rate:F0} tokens/s"));
        FixedReport.Of(model)?.Write(output);
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
