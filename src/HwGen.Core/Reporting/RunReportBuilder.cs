using System.Globalization;
using HwGen.Flow;
using HwGen.Fpga;
using HwGen.Golden;
using HwGen.Reference;

namespace HwGen.Reporting;

/// <summary>Fills a <see cref="RunReport"/> from a verified run and, optionally, a synth report and golden logits.</summary>
public static class RunReportBuilder
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>
    /// The report of <paramref name="run"/>. The quantization error compares the fixed-point model with the
    /// float model on <paramref name="golden"/>'s cases, or, without it, on the sequences the hardware generated.
    /// </summary>
    /// <exception cref="HwGenException">The golden file or the synth report is for another model or lanes setting.</exception>
    public static RunReport Build(HardwareRun run, GoldenFile? golden = null, SynthReport? synth = null, string? synthWhere = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        var plan = run.Plan;
        var config = plan.Config;
        var modelName = Path.GetFileName(run.Request.ModelPath);
        if (synth is not null)
            CheckSynth(synth, run.Request.Lanes, run.ModelSha256, modelName, synthWhere ?? "the synth report");

        var sat = run.Saturations.ToDictionary(s => s.Site, s => s.Events);
        var tensors = plan.Tensors.Select(t => new TensorRow(t.Name, t.Format.ToString(), t.MaxAbs,
            double.IsFinite(t.SnrDb) ? t.SnrDb : null, t.Clipped)).ToArray();
        var sites = plan.Sites.Select(s => new SiteRow(s.Name, s.Format.ToString(), s.CalibratedMaxAbs, s.Format.MaxValue,
            sat.GetValueOrDefault(s.Name))).ToArray();

        var v = run.Verification;
        var cm = run.CycleModel;
        var verdict = new VerdictRow(v.Passed, v.Samples, v.Tokens, v.LogitsCompared, v.Mismatches, v.FirstDivergence?.ToString(),
            cm.Compared, cm.Mismatches, cm.First?.ToString());
        var cycles = run.Simulation.CyclesPerToken.Mean;
        var (stageCycles, stageBasis) = Stages(run);

        var notes = new List<string>();
        var throughput = new List<ThroughputRow>
        {
            new($"This design, simulated, {ReportPage.Lanes(run.Request.Lanes)}", cycles, null, null, false,
                synth is null ? "Verilator simulation: cycles only, no clock (no synthesis in this run; give --target or --synth)" : "Verilator simulation: cycles only, no clock"),
        };
        IReadOnlyList<ResourceRow> resources = [];
        if (synth is not null)
        {
            throughput.Add(OnBoard(synth, cycles));
            resources = synth.Resources.Select(r => new ResourceRow(r.Name, r.Used, r.Available, r.Source)).ToArray();
            notes.AddRange(synth.Notes);
            var over = synth.Resources.Where(r => r.Available > 0 && r.Used > r.Available).Select(r => $"{r.Name} {r.Used:N0} of {r.Available:N0}").ToArray();
            if (over.Length > 0)
                notes.Add($"The design does not fit the {synth.Device}: {string.Join(", ", over)}.");
        }
        throughput.Add(RunReport.TalosV2);

        return new RunReport(
            modelName, config.ToString(), config.ParameterCount, run.ModelSha256, run.Request.Lanes, plan.FormatRule,
            tensors, sites, QuantError(run, golden), verdict, cycles, stageCycles, stageBasis, throughput,
            synth?.Board, synth?.Device, synth?.Estimate ?? false, resources, run.Names, notes);
    }

    /// <summary>
    /// The report of <paramref name="run"/> whose build for <paramref name="target"/> failed with
    /// <paramref name="error"/>: the error is on the page, and when the design did not fit, the
    /// resources yosys counted are shown against the device (the bars over 100% are the reason).
    /// </summary>
    public static RunReport BoardFailed(HardwareRun run, FpgaTarget target, HwGenException error, GoldenFile? golden = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(error);
        var report = Build(run, golden);
        var fit = DesignDoesNotFitException.In(error);
        return report with
        {
            BoardError = $"The build for {target.Name} ({target.Board}) failed: {error.Message}",
            Board = fit is null ? null : target.Board,
            Device = fit is null ? null : target.Device,
            Resources = fit is null ? [] : fit.Resources.Select(r => new ResourceRow(r.Name, r.Used, r.Available, r.Source)).ToArray(),
        };
    }

    /// <summary>The bar of the cycles a token spends outside the step's stages.</summary>
    public const string OutsideStages = "start, sampler, logit stream";

    /// <summary>
    /// The mean cycles each schedule stage adds to a generated token (token k of a sample comes from
    /// the step at position prompt + k), then the rest of the token's simulated cycles: the step's
    /// start cycle, the sampler and the logit stream. The bars add up to the simulated cycles per token.
    /// </summary>
    private static (IReadOnlyList<BarDatum>, string) Stages(HardwareRun run)
    {
        var schedule = run.Design.Rtl.Schedule;
        // Each token's position and its step's nonzero MLP hidden counts (the compact core's fc2 depends on them).
        var positions = new List<int>();
        var nonzero = new List<IReadOnlyList<int>?>();
        for (var i = 0; i < run.Simulation.Samples.Count; i++)
        {
            var prompt = run.Stimulus[i].Prompt.Count;
            foreach (var p in Enumerable.Range(prompt, run.Simulation.Samples[i].Tokens.Count))
            {
                positions.Add(p);
                nonzero.Add(run.Expected[i].HiddenNonzero?[p]);
            }
        }
        var perToken = run.Simulation.CyclesPerToken.Mean;
        if (positions.Count == 0)
            return ([], "No token was generated, so there are no cycles per token to break down.");
        var data = schedule.Stages.Select(s =>
        {
            var mean = positions.Select((p, k) => (double)s.CyclesAt(p, nonzero[k])).Average();
            return new BarDatum(s.Name, mean, mean.ToString("N1", Inv));
        }).ToList();
        var rest = perToken - data.Sum(d => d.Value);
        data.Add(new BarDatum(OutsideStages, rest, rest.ToString("N1", Inv)));
        var basis = string.Create(Inv,
            $"Mean over the {positions.Count:N0} tokens the {run.Stimulus.Count} samples generated (positions {positions.Min()} to {positions.Max()}); each token is one decode step (the stages of the schedule, in order) then sampling. The bars add up to the simulated {perToken:N1} cycles per token; the last bar is what the simulation measured beyond the step's stages. Stage cycles come from the cycle model (RtlSchedule), which {(run.CycleModel.Passed ? "predicted" : "did NOT predict")} every stage of every simulated step exactly ({run.CycleModel.Compared:N0} cycle counts compared, {run.CycleModel.Mismatches:N0} differ).");
        return (data, basis);
    }

    private static ThroughputRow OnBoard(SynthReport synth, double cycles)
    {
        if (synth.Timing is { } t)
        {
            var note = t.Met
                ? string.Create(Inv, $"at the {t.FmaxMhz:0.##} MHz Fmax nextpnr reports (timing met at the {t.TargetMhz:0.###} MHz clock)")
                : string.Create(Inv, $"at the {t.FmaxMhz:0.##} MHz Fmax nextpnr reports (timing MISSED at the {t.TargetMhz:0.###} MHz clock)");
            return new ThroughputRow($"This design on {synth.Board}", cycles, t.FmaxMhz, Math.Round(t.FmaxMhz * 1e6 / cycles), false, note);
        }
        var clock = synth.Clock.ClockMhz;
        var what = synth.Estimate ? "no timing analysis ran; resources are yosys estimates" : "no timing analysis ran";
        return new ThroughputRow($"This design on {synth.Board}", cycles, clock, Math.Round(clock * 1e6 / cycles), false,
            string.Create(Inv, $"estimate: if timing closes at the {clock:0.###} MHz board clock ({what})"));
    }

    private static QuantizationError QuantError(HardwareRun run, GoldenFile? golden)
    {
        var modelName = Path.GetFileName(run.Request.ModelPath);
        string basis;
        GoldenFile cases;
        if (golden is not null)
        {
            cases = golden;
            basis = $"fixed-point vs float64 model on the {golden.Cases.Count} cases of {golden.Source} (golden float logits)";
        }
        else
        {
            var c = run.Plan.Config;
            var floatModel = new FloatGpt(run.Weights);
            var list = new List<GoldenCase>();
            for (var i = 0; i < run.Expected.Count; i++)
            {
                var fed = new[] { c.Bos }.Concat(run.Stimulus[i].Prompt).Concat(run.Expected[i].Tokens).Take(run.Expected[i].Logits.Count).ToArray();
                floatModel.Reset();
                list.Add(new GoldenCase(fed, fed.Select(floatModel.Step).ToArray()));
            }
            cases = new GoldenFile("the run's samples", modelName, c with { Vocab = null }, list);
            basis = $"fixed-point vs float64 model on the {list.Count} token sequences the hardware generated";
        }
        var r = Evaluation.CompareGolden(new FixedGpt(run.Plan), cases, run.Request.ModelPath);
        return new QuantizationError(basis, r.Cases, r.Positions, r.MaxAbsError, r.MeanAbsError, r.Top1Agreement,
            (int)Math.Round(r.Top1Agreement * r.Positions));
    }

    /// <summary>Throws unless <paramref name="synth"/> was built from the model with SHA-256 <paramref name="modelSha256"/> at <paramref name="lanes"/> lanes.</summary>
    /// <exception cref="HwGenException">Another lanes setting or another model.</exception>
    public static void CheckSynth(SynthReport synth, int lanes, string modelSha256, string modelName, string where)
    {
        ArgumentNullException.ThrowIfNull(synth);
        ArgumentNullException.ThrowIfNull(modelSha256);
        if (synth.Lanes != lanes)
            throw new HwGenException($"{where}: the synth report is for {synth.Lanes} lane(s), this run uses {lanes}; give --lanes {synth.Lanes} or a synth report built with --lanes {lanes}.");
        if (!synth.Model.Contains(modelSha256[..16], StringComparison.Ordinal))
            throw new HwGenException($"{where}: the synth report is for another model ({synth.Model}); give the report of a synth run of {modelName}.");
    }
}
