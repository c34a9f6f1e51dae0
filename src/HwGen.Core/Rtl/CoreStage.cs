using System.Globalization;

namespace HwGen.Rtl;

/// <summary>
/// The codes hwgen_core shows on <c>dbg_stage_o</c> (docs/hardware.md): while a decode step runs,
/// the index of the program instruction the step issues (0 .. program length - 1, the schedule's
/// stages in order); otherwise one of the core's own phases below.
/// </summary>
public static class CoreStage
{
    /// <summary>Codes from here up are the core's phases; a program must have fewer instructions.</summary>
    public const int FirstPhase = 0xF0;

    /// <summary>The sampler chooses the next token from the step's logits.</summary>
    public const int Sampling = 0xF8;

    /// <summary>The step is done but its logits wait for the debug logit stream (the stream of the previous step is still going out).</summary>
    public const int DebugWait = 0xF9;

    /// <summary>The core offers to take a prompt token (and starts the next step with it).</summary>
    public const int Prompt = 0xFA;

    /// <summary>The core offers the chosen token on the token stream (and starts the next step when it is taken).</summary>
    public const int Emit = 0xFB;

    /// <summary>The sample has ended: the cycles up to and including the done pulse.</summary>
    public const int Done = 0xFC;

    /// <summary>Idle: the cycle of the start transfer.</summary>
    public const int Idle = 0xFF;

    /// <summary>The phases in code order, with their names.</summary>
    public static IReadOnlyList<(int Code, string Name)> Phases { get; } =
    [
        (Sampling, "sampling"), (DebugWait, "debug_wait"), (Prompt, "prompt"), (Emit, "emit"), (Done, "done"), (Idle, "start"),
    ];

    /// <summary>The name of <paramref name="code"/>: a stage of <paramref name="stageNames"/>, a phase, or "code N".</summary>
    public static string Name(int code, IReadOnlyList<string> stageNames)
    {
        if (code >= 0 && code < stageNames.Count)
            return stageNames[code];
        foreach (var (c, name) in Phases)
        {
            if (c == code)
                return name;
        }
        return "code " + code.ToString(CultureInfo.InvariantCulture);
    }
}
