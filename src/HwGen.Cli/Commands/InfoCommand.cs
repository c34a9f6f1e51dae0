using System.CommandLine;
using System.Globalization;
using HwGen.Model;

namespace HwGen.Cli.Commands;

/// <summary>
/// <c>hwgen info</c>: what a model file holds: its config, parameter count, every tensor's
/// shape, dtype and value range, and the file's SHA-256.
/// </summary>
internal static class InfoCommand
{
    /// <summary>The --json result.</summary>
    internal sealed record Report(string Model, string Sha256, ConfigReport Config, int ParameterCount, IReadOnlyList<TensorReport> Tensors);

    /// <summary>The model config as its <c>__metadata__</c> keys.</summary>
    internal sealed record ConfigReport(int NLayer, int NEmbd, int NHead, int BlockSize, int VocabSize, int Bos, string? Vocab);

    /// <summary>One tensor: shape [rows, cols], stored dtype, and its values' range (as doubles).</summary>
    internal sealed record TensorReport(string Name, int[] Shape, string Dtype, double Min, double Max, double MaxAbs);

    public static Command Create()
    {
        var model = CommonOptions.Model();
        var json = CommonOptions.Json();
        var command = new Command("info", "Show a model file: config, parameter count, each tensor's shape, dtype, min, max and max |w|, and the file's SHA-256.")
        {
            model,
            json,
        };
        command.SetAction(parseResult =>
        {
            var path = CommonOptions.ModelFile(parseResult, model).FullName;
            var report = Describe(path, SafeTensors.Read(path));
            var stdout = CliOutput.Out(parseResult);
            if (parseResult.GetValue(json))
                CliOutput.WriteJson(stdout, report);
            else
                WriteText(stdout, report);
            return 0;
        });
        return command;
    }

    internal static Report Describe(string path, SafeTensorsFile file)
    {
        var c = file.Weights.Config;
        var tensors = c.TensorShapes().Select(t =>
        {
            var data = file.Weights.Tensors[t.Name].Data;
            return new TensorReport(t.Name, [t.Rows, t.Cols], file.DTypes[t.Name].ToString(), data.Min(), data.Max(), data.Max(Math.Abs));
        }).ToList();
        return new Report(path, file.Sha256, new ConfigReport(c.NLayer, c.NEmbd, c.NHead, c.BlockSize, c.VocabSize, c.Bos, c.Vocab),
            c.ParameterCount, tensors);
    }

    private static void WriteText(TextWriter o, Report r)
    {
        var c = r.Config;
        o.WriteLine($"model       {r.Model}");
        o.WriteLine($"sha256      {r.Sha256}");
        o.WriteLine($"config      n_layer {c.NLayer}, n_embd {c.NEmbd}, n_head {c.NHead}, block_size {c.BlockSize}, vocab_size {c.VocabSize}, bos {c.Bos}");
        o.WriteLine($"vocab       {(c.Vocab is null ? "(not in the metadata)" : $"\"{c.Vocab}\"")}");
        o.WriteLine($"parameters  {r.ParameterCount.ToString(CultureInfo.InvariantCulture)}");
        o.WriteLine();

        string[] head = ["tensor", "shape", "dtype", "min", "max", "max |w|"];
        var rows = r.Tensors.Select(t => new[]
        {
            t.Name, $"[{t.Shape[0]}, {t.Shape[1]}]", t.Dtype, Number(t.Min), Number(t.Max), Number(t.MaxAbs),
        }).ToList();
        var widths = Enumerable.Range(0, head.Length).Select(i => rows.Select(row => row[i].Length).Append(head[i].Length).Max()).ToArray();
        foreach (var row in rows.Prepend(head))
            o.WriteLine(string.Join("  ", row.Select((cell, i) => i >= 3 ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]))).TrimEnd());
    }

    private static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
