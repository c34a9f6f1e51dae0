using HwGen.Golden;
using HwGen.Quantization;
using HwGen.Reference;

namespace HwGen.Rtl.Compact;

/// <summary>
/// One RmsNorm whose 1/sqrt factor the compact step reads from a KVX table (OpNtb) instead of summing
/// squares and running the 1/sqrt steps: the embedding norm's input, and layer 0's attention norm's, are
/// functions of (token, position) alone, so <see cref="FixedGpt.InputNormFactors"/> gives every factor.
/// Entry e = token * block_size + pos. A full table holds one word per entry, (sidx &lt;&lt; 14) | (y1 - 2^14),
/// sidx = (s - SMin) / 2; a coded one four 4-bit codes per word (entry e in bits 4 (e mod 4) + 3 .. 4 (e mod 4)
/// of word e / 4), each an index into <see cref="CompactNormTables.CodeWords"/>. Table word w is in bank
/// w mod L at KVX word Base + w / L.
/// </summary>
/// <param name="Site">The norm (EmbeddingNorm, or AttnNorm of layer 0).</param>
/// <param name="Layer">-1 for the embedding norm, else 0.</param>
/// <param name="Coded">Whether entries are 4-bit codes.</param>
/// <param name="Base">The table's first KVX word (in every bank).</param>
/// <param name="SMin">The smallest normalizing shift s of the table's factors.</param>
/// <param name="Words">The table's words, word w in bank w mod L.</param>
public sealed record CompactNormTable(ActivationSite Site, int Layer, bool Coded, int Base, int SMin, IReadOnlyList<int> Words);

/// <summary>
/// The RmsNorm factor tables of the compact step (<see cref="CompactNormTable"/>), in the KVX words its block RAMs
/// hold beyond what the step needs (never a block RAM more): the embedding norm's first, then layer 0's attention
/// norm's, each coded when the tables' distinct words number 16 or fewer, else full, each only if it fits.
/// None when RmsScale is not a power of two (the factor K would need the K products).
/// </summary>
public sealed class CompactNormTables
{
    /// <summary>KVX words per bank one block RAM holds (an iCE40 SB_RAM40_4K at 16 bits).</summary>
    public const int BlockRamWords = 256;

    /// <summary>Table words are 16 bits: sidx in the top two, y1 - 2^14 in the 14 below.</summary>
    public const int Y1Bits = 14;

    private CompactNormTables(IReadOnlyList<CompactNormTable> tables, IReadOnlyList<int> codeWords, int wordsPerBank, int lanes) =>
        (Tables, CodeWords, WordsPerBank, _lanes) = (tables, codeWords, wordsPerBank, lanes);

    private readonly int _lanes;

    /// <summary>No tables.</summary>
    public static CompactNormTables None(int lanes) => new([], [], 0, lanes);

    /// <summary>The tabulated norms, in step order.</summary>
    public IReadOnlyList<CompactNormTable> Tables { get; }

    /// <summary>The full words a code stands for (code k: word k); empty without a coded table.</summary>
    public IReadOnlyList<int> CodeWords { get; }

    /// <summary>KVX words per bank the tables take (after the step's own words).</summary>
    public int WordsPerBank { get; }

    /// <summary>The table of a norm, or null when that norm is computed.</summary>
    public CompactNormTable? Of(ActivationSite site, int layer) => Tables.FirstOrDefault(t => t.Site == site && t.Layer == layer);

    /// <summary>The full word of a factor, relative to a table's smallest shift.</summary>
    private static int Word(RmsFactor f, int sMin) => ((f.S - sMin) / 2 << Y1Bits) | (int)(f.Y1 - (1L << Y1Bits));

    /// <summary>The tables for <paramref name="plan"/> after the KVX words of <paramref name="bare"/> (a layout without tables).</summary>
    public static CompactNormTables For(NumericsPlan plan, CompactStepLayout bare)
    {
        var c = plan.Config;
        var lanes = bare.L;
        var scale = plan.RmsScale;
        if ((scale & (scale - 1)) != 0)
            return None(lanes);
        var entries = c.VocabSize * c.BlockSize;
        var model = new FixedGpt(plan);
        var factors = new (RmsFactor, RmsFactor)[entries];
        for (var tok = 0; tok < c.VocabSize; tok++)
            for (var pos = 0; pos < c.BlockSize; pos++)
                factors[tok * c.BlockSize + pos] = model.InputNormFactors(tok, pos);

        var spare = (bare.KvxDepth + BlockRamWords - 1) / BlockRamWords * BlockRamWords - bare.KvxDepth;
        var tables = new List<CompactNormTable>();
        var codeWords = new List<int>();
        var used = 0;
        foreach (var (site, layer, pick) in new (ActivationSite, int, Func<(RmsFactor, RmsFactor), RmsFactor>)[]
            { (ActivationSite.EmbeddingNorm, -1, f => f.Item1), (ActivationSite.AttnNorm, 0, f => f.Item2) })
        {
            var fs = factors.Select(pick).ToArray();
            var sMin = fs.Min(f => f.S);
            // Every y1 in [2^14, 2^15) and every s within three steps of the smallest: one 16-bit word.
            if (fs.Any(f => f.Y1 < 1L << Y1Bits || f.Y1 >= 1L << (Y1Bits + 1) || f.S - sMin > 6 || (f.S & 1) != 0))
                continue;
            var words = fs.Select(f => Word(f, sMin)).ToArray();
            var union = codeWords.Union(words).ToList();
            var coded = union.Count <= 16;
            var tableWords = coded ? (entries + 3) / 4 : entries;
            var perBank = (tableWords + lanes - 1) / lanes;
            if (used + perBank > spare)
                continue;
            int[] content;
            if (coded)
            {
                codeWords = union;
                content = new int[tableWords];
                for (var e = 0; e < entries; e++)
                    content[e / 4] |= codeWords.IndexOf(words[e]) << (4 * (e % 4));
            }
            else
            {
                content = words;
            }
            tables.Add(new CompactNormTable(site, layer, coded, bare.KvxDepth + used, sMin, content));
            used += perBank;
        }
        return new CompactNormTables(tables, codeWords, used, lanes);
    }

    /// <summary>Writes the tables' words of KVX bank <paramref name="bank"/> into <paramref name="words"/> (the bank's image).</summary>
    public void Fill(long[] words, int bank)
    {
        foreach (var t in Tables)
        {
            for (var w = bank; w < t.Words.Count; w += _lanes)
                words[t.Base + w / _lanes] = t.Words[w];
        }
    }
}
