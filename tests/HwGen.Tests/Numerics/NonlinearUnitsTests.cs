using HwGen.Numerics;

namespace HwGen.Tests.Numerics;

public class NonlinearUnitsTests
{
    private static readonly NonlinearUnits Units = new(TableParameters.Default);

    [Test]
    public void TablesHaveTheSpecifiedSizesAndEnds()
    {
        var exp = ExpTable.Generate(10, 16);
        Assert.That(exp, Has.Length.EqualTo(1024));
        Assert.That((exp[0], exp[512], exp[1023]), Is.EqualTo((65536, 92682, 130983)));
        var recip = ReciprocalTable.Generate(10, 20);
        Assert.That(recip, Has.Length.EqualTo(1024));
        Assert.That(recip[0], Is.EqualTo(1048064)); // 2^20 / (1 + 0.5/1024)
        var rsqrt = RsqrtTable.Generate(8, 20);
        Assert.That(rsqrt, Has.Length.EqualTo(768));
        Assert.That(rsqrt[767], Is.EqualTo(524416)); // 2^20 / sqrt(1 + 767.5/256)
    }

    [Test]
    public void ReciprocalIsWithin2e6Relative()
    {
        var worst = 0.0;
        for (long v = 1; v < 1L << 44; v = v * 3 / 2 + 1)
        {
            var y = Units.Reciprocal(v, out var b);
            worst = Math.Max(worst, Math.Abs(Math.ScaleB(y, -(20 + b)) * v - 1));
        }
        for (long v = 1; v < 5000; v++)
        {
            var y = Units.Reciprocal(v, out var b);
            worst = Math.Max(worst, Math.Abs(Math.ScaleB(y, -(20 + b)) * v - 1));
        }
        Assert.That(worst, Is.LessThan(2e-6));
    }

    [Test]
    public void RsqrtIsWithin4e6Relative()
    {
        var worst = 0.0;
        for (long u = 1; u < 1L << 46; u = u * 5 / 4 + 1)
        {
            var y = Units.Rsqrt(u, out var s);
            Assert.That(s % 2, Is.EqualTo(0));
            worst = Math.Max(worst, Math.Abs(Math.ScaleB(y, -(20 + 15 - s / 2)) * Math.Sqrt(u) - 1));
        }
        Assert.That(worst, Is.LessThan(4e-6));
    }

    [Test]
    public void Exp2FollowsTheTable()
    {
        Assert.That(Units.Exp2(0), Is.EqualTo(65536));
        Assert.That(Units.Exp2(-1024), Is.EqualTo(32768));   // 2^-1
        Assert.That(Units.Exp2(-512), Is.EqualTo(46341));    // 2^-0.5 = P[512] >> 1 = 92682 >> 1
        Assert.That(Units.Exp2(-1024 * 17), Is.EqualTo(0));
        Assert.That(Units.Exp2(-1024 * 40), Is.EqualTo(0));
    }
}
