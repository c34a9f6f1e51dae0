namespace HwGen.Rtl;

/// <summary>When a sample's tokens leave the core and when it signals done, in cycles from the start transfer.</summary>
/// <param name="TokenCycles">The cycle of each token transfer.</param>
/// <param name="DoneCycle">The cycle of the done pulse.</param>
/// <param name="Steps">Each step's record of <c>dbg_stage_o</c> cycles (codes ascending; docs/hardware.md), one per position fed.</param>
public sealed record SampleTimeline(IReadOnlyList<long> TokenCycles, long DoneCycle, IReadOnlyList<IReadOnlyList<Simulation.StageCycles>> Steps);

/// <summary>One stage of the decode step with the cycles it takes at a position.</summary>
/// <param name="Name">The stage, e.g. "layer0.q".</param>
/// <param name="Cycles">
/// Cycles from entering the stage to entering the next, at position pos (0-based); for a stage whose cycles depend
/// on the step's data (<see cref="DataCycles"/>), the most it takes (every MLP hidden code nonzero).
/// </param>
public sealed record ScheduleStage(string Name, Func<int, int> Cycles)
{
    /// <summary>
    /// Set for a stage whose cycles depend on the step's data (the compact core's fc2): cycles at position pos with
    /// the step's count of nonzero MLP hidden codes per layer. Null: the stage takes <see cref="Cycles"/>.
    /// </summary>
    public Func<int, IReadOnlyList<int>, int>? DataCycles { get; init; }

    /// <summary>What a data-dependent stage's cycles are, in words (schedule.txt); null for the others.</summary>
    public string? Formula { get; init; }

    /// <summary>
    /// Cycles at position <paramref name="pos"/> of a step whose count of nonzero MLP hidden codes per layer is
    /// <paramref name="hiddenNonzero"/> (null: every code nonzero).
    /// </summary>
    public int CyclesAt(int pos, IReadOnlyList<int>? hiddenNonzero) =>
        DataCycles is { } f && hiddenNonzero is not null ? f(pos, hiddenNonzero) : Cycles(pos);
}

/// <summary>
/// The schedule the generated core implements, stage by stage: the seed of the cycle model. A step
/// runs its program; an instruction issues in the cycle after the previous one's last issue cycle,
/// unless it must first let the matrix-vector pipeline drain (<see cref="StepInstruction.WaitDrain"/>).
/// The sampler then chooses the token from all the logits at once (<see cref="SamplerTiming"/>) while
/// the core streams them on the debug port beside the next step.
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

    /// <summary>The sampler's timing.</summary>
    public ISamplerTiming Sampler { get; private init; } = null!;

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
        return Of(stages, SamplerTiming.For(c.VocabSize, grid.Lanes), c.VocabSize);
    }

    /// <summary>
    /// The schedule of an architecture whose step runs <paramref name="stages"/> (exact cycles at each
    /// position) and whose sampler takes <paramref name="sampler"/>'s cycles, in a core of the shared
    /// hwgen_core contract (the debug stream, prompt and emit phases of <see cref="Predict"/>).
    /// </summary>
    public static RtlSchedule Of(IReadOnlyList<ScheduleStage> stages, ISamplerTiming sampler, int vocab) =>
        new(stages, vocab) { Sampler = sampler };

    /// <summary>
    /// Cycles from the step's start pulse to its done pulse, inclusive of the idle cycle that takes the start (for a
    /// data-dependent step, the most: every MLP hidden code nonzero).
    /// </summary>
    public int StepCycles(int pos) => StepCycles(pos, null);

    /// <summary>
    /// <see cref="StepCycles(int)"/> of a step whose count of nonzero MLP hidden codes per layer is
    /// <paramref name="hiddenNonzero"/> (null: every code nonzero).
    /// </summary>
    public int StepCycles(int pos, IReadOnlyList<int>? hiddenNonzero) => 1 + Stages.Sum(s => s.CyclesAt(pos, hiddenNonzero));

    /// <summary>True when some stage's cycles depend on the step's data (<see cref="ScheduleStage.DataCycles"/>).</summary>
    public bool DataDependent => Stages.Any(s => s.DataCycles is not null);

    /// <summary>Cycles the debug logit stream takes (one logit per cycle, beside the next step).</summary>
    public int DebugCycles => _vocab;

    /// <summary>
    /// The cycles, counted from the start transfer, at which the core emits each token of a sample
    /// and pulses done, and every step's record of stage cycles: the core's own timeline
    /// (hwgen_core, hwgen_step, hwgen_sampler). <paramref name="chosen"/> lists the token chosen
    /// after each sampled step, in order, the ending BOS included when the sample ends on one.
    /// </summary>
    /// <remarks>
    /// A step started in cycle S is done in D = S + StepCycles(pos) - 1. Its logits are taken in
    /// T = max(D, previous T + vocab_size): the debug stream of the previous step's logits (cycles
    /// previous T + 1 .. previous T + vocab_size) must have reached its last logit; the cycles in
    /// between are debug_wait. Prompt: the token is taken in T + 1, which starts the next step.
    /// Chosen: the sampler starts in T and is done in T + SamplerTiming.Cycles, the cycle the token
    /// is emitted and the next step starts. The done pulse comes one cycle after the last token (or
    /// after the sampler chose BOS), and no earlier than the last step's last debug logit.
    /// <paramref name="hiddenNonzero"/>: each step's count of nonzero MLP hidden codes per layer, in position order
    /// (the golden model's <see cref="Verification.ExpectedSample.HiddenNonzero"/>); required when the schedule is
    /// <see cref="DataDependent"/>, ignored otherwise.
    /// </remarks>
    public SampleTimeline Predict(Model.ModelConfig c, int promptLength, IReadOnlyList<int> chosen, bool greedy, int maxLength,
        IReadOnlyList<IReadOnlyList<int>>? hiddenNonzero = null)
    {
        if (DataDependent && hiddenNonzero is null)
            throw new ArgumentException("this schedule's step cycles depend on each step's count of nonzero MLP hidden codes: pass them (the golden model reports them)", nameof(hiddenNonzero));
        var v = _vocab;
        var tokens = new List<long>();
        var steps = new List<IReadOnlyList<Simulation.StageCycles>>();
        long start = 0;
        long taken = long.MinValue / 2;   // the cycle the previous step's logits were taken
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
            IReadOnlyList<int>? nonzero = null;
            if (DataDependent)
            {
                if (pos >= hiddenNonzero!.Count)
                    throw new ArgumentException($"the sample needs the nonzero hidden counts of position {pos}; only {hiddenNonzero.Count} given", nameof(hiddenNonzero));
                nonzero = hiddenNonzero[pos];
            }
            for (var i = 0; i < Stages.Count; i++)
                Add(i, Stages[i].CyclesAt(pos, nonzero));
            var stepDone = start + StepCycles(pos, nonzero) - 1;
            taken = Math.Max(stepDone, taken + v);
            Add(CoreStage.DebugWait, taken - stepDone);
            if (pos < promptLength)
            {
                Add(CoreStage.Prompt, 1);
                Close();
                start = taken + 1;
                continue;
            }
            if (k >= chosen.Count)
                throw new ArgumentException($"the sample needs a chosen token at position {pos}; only {chosen.Count} given", nameof(chosen));
            var token = chosen[k++];
            var samplerDone = taken + Sampler.Cycles(greedy, token);
            long last;
            if (token == c.Bos)
            {
                Add(CoreStage.Sampling, samplerDone - taken);
                last = samplerDone;
            }
            else
            {
                Add(CoreStage.Sampling, samplerDone - taken - 1);
                Add(CoreStage.Emit, 1);                // in the sampler's done cycle
                tokens.Add(samplerDone);
                if (!((maxLength > 0 && tokens.Count == maxLength) || pos == c.BlockSize - 1))
                {
                    Close();
                    start = samplerDone;
                    continue;
                }
                last = samplerDone;
            }
            var done = Math.Max(last + 1, taken + v);
            Add(CoreStage.Done, done - last);
            Close();
            return new SampleTimeline(tokens, done, steps);
        }
    }

    /// <summary>A text table of the stages at position <paramref name="pos"/>.</summary>
    public string Describe(int pos)
    {
        var sb = new System.Text.StringBuilder();
        sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"# decode step at position {pos}: stage cycles\n");
        foreach (var s in Stages)
        {
            if (s.Formula is not null)
                sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"# {s.Name}: {s.Formula}; below: the most (every hidden code nonzero)\n");
            sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"{s.Name} {s.Cycles(pos)}\n");
        }
        sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"# step_total: the stages and the cycle that takes start_i{(DataDependent ? " (the most)" : "")}\n");
        sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"step_total {StepCycles(pos)}\n");
        sb.Append(System.Globalization.CultureInfo.InvariantCulture,
            $"# beside the next step, not in step_total: the debug logit stream, {DebugCycles} cycles (one logit per cycle)\n");
        return sb.ToString();
    }
}
