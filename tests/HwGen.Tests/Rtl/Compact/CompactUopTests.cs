using HwGen.Rtl.Compact;

namespace HwGen.Tests.Rtl.Compact;

/// <summary>
/// The position-dependent bounds of the compact step's micro-instructions, worked out by hand for 8 lanes:
/// the scores' columns below and from position L, a weighted values pass's floor, the written lanes of a last pass
/// and the exponentials' shorter tail.
/// </summary>
public class CompactUopTests
{
    [TestCase(0, 3)]
    [TestCase(5, 3)]
    [TestCase(6, 3)]
    [TestCase(7, 4)]
    [TestCase(8, 7)]
    [TestCase(15, 7)]
    public void AHeadsScoresTakeMaxOfDAndPMinus2ColumnsBelowLAndLFromIt(int pos, int lastCol)
    {
        var scores = new CompactUop(CompactStepOp.Sco, 0, "scores", Cols: 4, LastCol: 3, LastColRows: true, PassPos: true, RowHiPos: true, Tail: 3);
        Assert.That(scores.LastColAt(pos, 8), Is.EqualTo(lastCol));
        Assert.That(scores.Cycles(pos, 8), Is.EqualTo((lastCol + 1) * (pos / 8 + 1) + 3));
    }

    [TestCase(0, 1)]
    [TestCase(5, 6)]
    [TestCase(7, 8)]
    [TestCase(8, 1)]
    [TestCase(15, 8)]
    public void TheScoresLastPassWritesTheRowsUpToThePosition(int pos, int rows)
    {
        var scores = new CompactUop(CompactStepOp.Sco, 0, "scores", RowBase: 16, RowLo: 16, RowHi: 16, RowHiPos: true, PassPos: true);
        Assert.That(scores.LastPassRows(pos, 8), Is.EqualTo(rows));
    }

    [Test]
    public void AWeightedValuesPassWritesItsHeadsLanes()
    {
        // Head 1 of head_dim 4 at 8 lanes: rows 4..7 in lanes 4..7 (RowBase 0): its drain leaves lane 7 behind 8 cycles after its take.
        var head1 = new CompactUop(CompactStepOp.Av, 0, "head 1", RowBase: 0, RowLo: 4, RowHi: 8, LastCol: 1, LastColPos: true);
        var head2 = new CompactUop(CompactStepOp.Av, 0, "head 2", RowBase: 8, RowLo: 8, RowHi: 12, LastCol: 4, LastColPos: true);
        Assert.That(head1.LastPassRows(3, 8), Is.EqualTo(8));
        Assert.That(head2.LastPassRows(3, 8), Is.EqualTo(4));
        Assert.That(head2.LastColAt(3, 8), Is.EqualTo(4));
        Assert.That(head2.LastColAt(6, 8), Is.EqualTo(6));
    }

    [Test]
    public void TheSequencerHasFloorsOneLMinus4AndLMinus1()
    {
        Assert.That(CompactStepProgram.PositionFloors(8), Is.EqualTo(new[] { 1, 4, 7 }));
        Assert.That(CompactStepProgram.PositionFloors(16), Is.EqualTo(new[] { 1, 12, 15 }));
        Assert.That(CompactStepProgram.PositionFloors(4), Is.EqualTo(new[] { 1, 3 }));
        Assert.That(CompactStepProgram.PositionFloors(2), Is.EqualTo(new[] { 1 }));
        Assert.That(CompactStepProgram.PositionFloors(1), Is.EqualTo(new[] { 1 }));
    }

    [TestCase(0, 8)]
    [TestCase(1, 8)]
    [TestCase(2, 7)]
    [TestCase(15, 7)]
    public void TheExponentialsTailIsACycleShorterFromPosition2(int pos, int tail)
    {
        var exps = new CompactUop(CompactStepOp.Exp, 0, "exps", LastCol: 1, LastColPos: true, LastPass: 3, Tail: 8, ExpTailShort: true);
        Assert.That(exps.TailAt(pos), Is.EqualTo(tail));
        Assert.That(exps.Cycles(pos, 8), Is.EqualTo(4 * (Math.Max(pos, 1) + 1) + tail));
    }
}
