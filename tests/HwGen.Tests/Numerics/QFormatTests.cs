using HwGen.Numerics;

namespace HwGen.Tests.Numerics;

public class QFormatTests
{
    [TestCase("Q4.12", 4, 12)]
    [TestCase("q1.15", 1, 15)]
    [TestCase("Q16.0", 16, 0)]
    public void ParsesQmn(string text, int m, int n)
    {
        var f = QFormat.Parse(text);
        Assert.That((f.IntBits, f.FracBits), Is.EqualTo((m, n)));
        Assert.That(f.ToString(), Is.EqualTo($"Q{m}.{n}"));
    }

    [Test]
    public void RejectsAFormatThatIsNot16Bits()
    {
        var e = Assert.Throws<HwGenException>(() => QFormat.Parse("Q4.11", "--format"));
        Assert.That(e!.Message, Is.EqualTo("--format: 'Q4.11' has 15 bits; HwGen codes are 16-bit, so m + n must be 16 (e.g. Q4.12 or Q5.11)."));
    }

    [Test]
    public void RejectsText()
    {
        var e = Assert.Throws<HwGenException>(() => QFormat.Parse("4.12", "--format"));
        Assert.That(e!.Message, Is.EqualTo("--format: '4.12' is not a fixed-point format; write Qm.n with m integer bits (sign included) and n fraction bits, m + n = 16, e.g. Q4.12."));
    }

    [Test]
    public void RejectsAFormatWithoutSignBit()
    {
        var e = Assert.Throws<HwGenException>(() => QFormat.Parse("Q0.16"));
        Assert.That(e!.Message, Does.Contain("has no sign bit"));
    }

    [Test]
    public void ConvertsValuesAndCodes()
    {
        var f = QFormat.Parse("Q4.12");
        Assert.That(f.ToCode(1.0), Is.EqualTo(4096));
        Assert.That(f.ToCode(-8.0), Is.EqualTo(-32768));
        Assert.That(f.ToValue(-2048), Is.EqualTo(-0.5));
        Assert.That(f.MaxValue, Is.EqualTo(32767.0 / 4096));
        // 2.5 / 4096 is a tie between codes 2 and 3.
        Assert.That(f.ToCode(2.5 / 4096, Rounding.NearestEven), Is.EqualTo(2));
        Assert.That(f.ToCode(2.5 / 4096, Rounding.NearestAwayFromZero), Is.EqualTo(3));
        Assert.That(f.ToCode(-2.5 / 4096, Rounding.NearestAwayFromZero), Is.EqualTo(-3));
        Assert.That(f.ToCode(-2.5 / 4096, Rounding.TowardZero), Is.EqualTo(-2));
        Assert.That(f.ToCode(-2.5 / 4096, Rounding.Floor), Is.EqualTo(-3));
    }

    [Test]
    public void SaturatesOrRejects()
    {
        var f = QFormat.Parse("Q4.12");
        Assert.That(f.ToCode(15.8, Rounding.NearestEven, Overflow.Saturate, out var sat), Is.EqualTo(32767));
        Assert.That(sat, Is.True);
        Assert.That(f.ToCode(-9.0), Is.EqualTo(-32768));
        var e = Assert.Throws<HwGenException>(() => f.ToCode(15.8, Rounding.NearestEven, Overflow.Error));
        Assert.That(e!.Message, Is.EqualTo("15.8 is outside the range of Q4.12 (-8 .. 7.999755859375); use a format with more integer bits."));
    }

    [TestCase(0.0, 1)]
    [TestCase(0.99, 1)]
    [TestCase(1.0, 2)]
    [TestCase(1.25, 2)]
    [TestCase(19.75, 6)]
    [TestCase(16.0, 6)]
    public void ForMaxAbsTakesTheFewestIntegerBits(double maxAbs, int m)
    {
        Assert.That(QFormat.ForMaxAbs(maxAbs, "x").IntBits, Is.EqualTo(m));
    }

    [Test]
    public void ForMaxAbsRefusesWhatNoFormatHolds()
    {
        var e = Assert.Throws<HwGenException>(() => QFormat.ForMaxAbs(40000, "site Logits"));
        Assert.That(e!.Message, Is.EqualTo("site Logits reaches 40000, beyond the range of every 16-bit format (Q16.0 holds up to 32767)."));
    }
}
