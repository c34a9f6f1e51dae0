using HwGen.Numerics;

namespace HwGen.Tests.Numerics;

public class FixedPointTests
{
    // x / 4 for x = -10 .. 10 (ties at odd multiples of 2), by hand.
    [TestCase(Rounding.Floor, new long[] { -3, -3, -2, -2, -2, -2, -1, -1, -1, -1, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2 })]
    [TestCase(Rounding.TowardZero, new long[] { -2, -2, -2, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2 })]
    [TestCase(Rounding.NearestAwayFromZero, new long[] { -3, -2, -2, -2, -2, -1, -1, -1, -1, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3 })]
    [TestCase(Rounding.NearestEven, new long[] { -2, -2, -2, -2, -2, -1, -1, -1, 0, 0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 2, 2 })]
    public void ShiftRoundByTwoBits(Rounding mode, long[] expected)
    {
        var actual = Enumerable.Range(-10, 21).Select(x => FixedPoint.ShiftRound(x, 2, mode)).ToArray();
        Assert.That(actual, Is.EqualTo(expected));
    }

    [Test]
    public void RequantizeRoundsSaturatesAndCounts()
    {
        var q412 = QFormat.Parse("Q4.12");
        long sat = 0;
        // 1.5 * 2^24 with 24 fraction bits -> 1.5 in Q4.12 = 6144.
        Assert.That(FixedPoint.Requantize(3L << 23, 24, q412, Rounding.NearestEven, Overflow.Saturate, ref sat), Is.EqualTo(6144));
        // A tie: 2^11 + 2^11 (half) with 24 fraction bits -> rounds to even 0 or 1 codes.
        Assert.That(FixedPoint.Requantize((1L << 12) + (1L << 11), 24, q412, Rounding.NearestEven, Overflow.Saturate, ref sat), Is.EqualTo(2));
        Assert.That(FixedPoint.Requantize(1L << 11, 24, q412, Rounding.NearestEven, Overflow.Saturate, ref sat), Is.EqualTo(0));
        Assert.That(sat, Is.EqualTo(0));
        Assert.That(FixedPoint.Requantize(8L << 24, 24, q412, Rounding.NearestEven, Overflow.Saturate, ref sat), Is.EqualTo(32767));
        Assert.That(FixedPoint.Requantize(-9L << 24, 24, q412, Rounding.NearestEven, Overflow.Saturate, ref sat), Is.EqualTo(-32768));
        Assert.That(sat, Is.EqualTo(2));
        // Fewer fraction bits than the target: an exact left shift, saturating before bits are lost.
        Assert.That(FixedPoint.Requantize(-3, 10, q412, Rounding.NearestEven, Overflow.Saturate, ref sat), Is.EqualTo(-12));
        Assert.That(FixedPoint.Requantize(1L << 40, 10, q412, Rounding.NearestEven, Overflow.Saturate, ref sat), Is.EqualTo(32767));
        Assert.That(sat, Is.EqualTo(3));
        var e = Assert.Throws<HwGenException>(() => FixedPoint.Requantize(8L << 24, 24, q412, Rounding.NearestEven, Overflow.Error));
        Assert.That(e!.Message, Is.EqualTo("the value 8 overflows Q4.12 (range -8 .. 7.999755859375); use a format with more integer bits."));
    }

    [TestCase(1, 32)]
    [TestCase(16, 36)]
    [TestCase(24, 37)]
    [TestCase(64, 38)]
    public void DotAccumulatorWidth(int length, int bits)
    {
        Assert.That(FixedPoint.DotAccumulatorBits(length), Is.EqualTo(bits));
        // The extreme sum -32768 * -32768 * length fits the signed width.
        Assert.That((long)length << 30, Is.LessThanOrEqualTo((1L << (bits - 1)) - 1));
    }
}
