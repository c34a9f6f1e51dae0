using HwGen.Simulation;
using HwGen.Verification;

namespace HwGen.Tests.Simulation;

/// <summary>
/// What the test fixture core (Fixture/hwgen_core.sv) must produce, written from its header
/// comment and docs/hardware.md, independently of the harness and the parser.
/// </summary>
internal sealed class FixtureReference : ISampleReference
{
    public const int Vocab = 27;
    public const int Block = 16;
    public const int Bos = 26;

    public static int Logit(int pos, int token, int index) => pos * 1000 + token * 30 + index;

    public ExpectedSample Generate(SampleStimulus s)
    {
        var logits = new List<IReadOnlyList<int>>();
        var tokens = new List<int>();
        var token = Bos;
        for (var pos = 0; ; pos++)
        {
            logits.Add(Enumerable.Range(0, Vocab).Select(i => Logit(pos, token, i)).ToArray());
            if (pos < s.Prompt.Count)
            {
                token = s.Prompt[pos];
                continue;
            }
            var next = s.Greedy ? (token == Bos ? 0 : token + 1) : (int)(unchecked(s.Seed + s.Temperature + (uint)pos) % Vocab);
            if (next == Bos)
                break;
            tokens.Add(next);
            if ((s.MaxLen != 0 && tokens.Count == s.MaxLen) || pos == Block - 1)
                break;
            token = next;
        }
        return new ExpectedSample(s.Id, tokens, logits);
    }
}
