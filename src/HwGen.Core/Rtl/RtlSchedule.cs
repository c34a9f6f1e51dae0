namespace HwGen.Rtl;

/// <summary>When a sample's tokens leave the core and when it signals done, in cycles from the start transfer.</summary>
/// <param name="TokenCycles">The cycle of each token transfer.</param>
/// <param name="DoneCycle">The cycle of the done pulse.</param>
/// <param name="Steps">Each step's record of <c>dbg_stage_o</c> cycles (codes ascending; docs/hardware.md), one per position fed.</param>
public sealed record SampleTimeline(IReadOnlyList<long> TokenCycles, long DoneCycle, IReadOnlyList<IReadOnlyList<Simulation.StageCycles>> Steps);

/// <summary>One stage of the decode step with the cycles it takes at a position.</summary>
/// <param name="Name">The stage, e.g. "layer0.q".</param>
/// <param name="Cycles">Cycles from entering the stage to entering the next, at position pos (0-based).</param>
public sealed record ScheduleStage(string Name, Func<int, int> Cycles);

/// <summary>
/// The schedule the generated core implements, stage by stage: the seed of the cycle model. A step
/// runs its program; an instruction issues in the cycle after the previous one's last issue cycle,
/// unless it must first let the matrix-vector pipeline drain (<see cref="StepInstruction.WaitDrain"/>).
/// Then the core streams the vocab_size logits on the debug port while the sampler makes its first
/// pass over them.
/// </summary>
public sealed class RtlSchedule
{
    /// <summary>
    /// Cycles from a matrix-vector product's issue to its row write: ROM read, then products, then
    /// adder tree with the accumulator, then requantize and write in the third cycle after the issue.
    /// </summary>
    public const int MatvecLatency = 3;

    private RtlSchedule(IReadOnlyList<ScheduleStage> stages, int vocab) => (Stages, _vocab) = (stages, vocab);

    private readonly int _vocab;

    /// <summary>The step's stages in order.</summary>
    public IReadOnlyList<ScheduleStage> Stages { get; }

    /// <summary>The schedule of a program for a model shape and lane grid.</summary>
    public static RtlSchedule For(Model.ModelConfig c, LaneGrid grid, IReadOnlyList<StepInstruction> program)
    {
        var e = c.NEmbd;
        var normChunks = (e + grid.Columns - 1) / grid.Columns;

        // Cycles an instruction keeps the sequencer (a matrix-vector product: its issue cycles; its
        // last rows are written MatvecLatency cycles after the last issue).
        int Busy(StepInstruction ins, int pos) => ins.Op switch
        {
            StepOp.Embed => 2 * ins.Chunks + 1,                  // wte and wpe chunks alternate, then the last write
            StepOp.Norm => 2 * normChunks + 2,                   // sum of squares, rsqrt, scale factor, scale
            StepOp.Matvec => ins.RowSteps * ins.Chunks,
            StepOp.Attn => AttentionTiming.Cycles(c, grid.Lanes, pos) + 1, // start_i .. done_o, which writes the output
            StepOp.End => 1,                                     // the done cycle
            _ => throw new ArgumentOutOfRangeException(nameof(program), ins.Op, "unknown op"),
        };

        // starts[k] = the first cycle instruction k issues, counted from the cycle after the one that takes start_i.
        int[] Starts(int pos)
        {
            var starts = new int[program.Count + 1];
            var free = 0;       // first cycle at which the pipeline has written every row issued so far
            var t = 0;
            for (var k = 0; k < program.Count; k++)
            {
                var ins = program[k];
                if (ins.WaitDrain)
                    t = Math.Max(t, free);                       // the drain state holds it until then
                starts[k] = t;
                t += Busy(ins, pos);
                if (ins.Op == StepOp.Matvec)
                    free = t + MatvecLatency;                    // last issue t-1, last write t-1+latency
            }
            starts[program.Count] = t;
            return starts;
        }

        var cache = new System.Collections.Concurrent.ConcurrentDictionary<int, int[]>();
        var stages = program.Select((ins, k) => new ScheduleStage(ins.Stage, pos =>
        {
            var s = cache.GetOrAdd(pos, Starts);
            return s[k + 1] - s[k];
        })).ToList();
        return new RtlSchedule(stages, c.VocabSize);
    }

    /// <summary>Cycles from the step's start pulse to its done pulse, inclusive of the idle cycle that takes the start.</summary>
    public int StepCycles(int pos) => 1 + Stages.Sum(s => s.Cycles(pos));

    /// <summary>Cycles the core spends streaming the logits on the debug port.</summary>
    public int DebugCycles => _vocab;

    /// <summary>
    /// The cycles, counted from the start transfer, at which the core emits each token of a sample
    /// and pulses done, and every step's record of stage cycles: the core's own timeline
    /// (hwgen_core, hwgen_step, hwgen_sampler). <paramref name="chosen"/> lists the token chosen
    /// after each sampled step, in order, the ending BOS included when the sample ends on one.
    /// </summary>
    public SampleTimeline Predict(Model.ModelConfig c, int promptLength, IReadOnlyList<int> chosen, bool greedy, int maxLength)
    {
        var v = _vocab;
        var tokens = new List<long>();
        var steps = new List<IReadOnlyList<Simulation.StageCycles>>();
        long start = 0;
        var k = 0;
        for (var pos = 0; ; pos++)
        {
            // A step's record: from its first instruction (step 0: from the start transfer) to the
            // cycle before the next step's first instruction, or to the done pulse.
            var record = new SortedDictionary<int, long>();
            void Add(int code, long cycles)
            {
                if (cycles > 0)
                    record[code] = record.GetValueOrDefault(code) + cycles;
            }
            void Close() => steps.Add(record.Select(r => new Simulation.StageCycles(r.Key, r.Value)).ToArray());

            if (pos == 0)
                Add(CoreStage.Idle, 1);                // the start transfer takes the step's start
            for (var i = 0; i < Stages.Count; i++)
                Add(i, Stages[i].Cycles(pos));
            var stepDone = start + StepCycles(pos) - 1;
            Add(CoreStage.DebugWait, v);              // the debug logit stream
            if (pos < promptLength)
            {
                Add(CoreStage.Prompt, 1);             // after the debug stream, the prompt token is taken at once
                Close();
                start = stepDone + v + 1;
                continue;
            }
            var samplerStart = stepDone;              // its first pass runs beside the debug stream
            if (k >= chosen.Count)
                throw new ArgumentException($"the sample needs a chosen token at position {pos}; only {chosen.Count} given", nameof(chosen));
            var token = chosen[k++];
            // Greedy: one pass for the argmax. Sampled: argmax, reciprocal (2), exp pass (v + 1),
            // draw (1), then the running sum up to the chosen token.
            var samplerDone = greedy ? samplerStart + v + 1 : samplerStart + 2L * v + 6 + token;
            Add(CoreStage.Sampling, samplerDone - stepDone - v);
            if (token == c.Bos)
            {
                Add(CoreStage.Done, 1);
                Close();
                return new SampleTimeline(tokens, samplerDone + 1, steps);
            }
            var emit = samplerDone + 1;
            tokens.Add(emit);
            Add(CoreStage.Emit, 1);
            if ((maxLength > 0 && tokens.Count == maxLength) || pos == c.BlockSize - 1)
            {
                Add(CoreStage.Done, 1);
                Close();
                return new SampleTimeline(tokens, emit + 1, steps);
            }
            Close();
            start = emit;
        }
    }

    /// <summary>A text table of the stages at position <paramref name="pos"/>.</summary>
    public string Describe(int pos)
    {
        var sb = new System.Text.StringBuilder();
        sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"# decode step at position {pos}: stage cycles\n");
        foreach (var s in Stages)
            sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"{s.Name} {s.Cycles(pos)}\n");
        sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"step_total {StepCycles(pos)}\n");
        sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"debug_logits {DebugCycles}\n");
        return sb.ToString();
    }
}
