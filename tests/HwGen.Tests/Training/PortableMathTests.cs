using HwGen.Training;

namespace HwGen.Tests.Training;

public class PortableMathTests
{
    [Test]
    public void ExpAgreesWithTheRuntimeToAFewUlps()
    {
        for (var x = -700.0; x <= 700.0; x += 0.37)
        {
            var expected = Math.Exp(x);
            Assert.That(PortableMath.Exp(x), Is.EqualTo(expected).Within(1e-15 * expected), $"exp({x:R})");
        }
        Assert.Multiple(() =>
        {
            Assert.That(PortableMath.Exp(0), Is.EqualTo(1.0));
            Assert.That(PortableMath.Exp(-800), Is.EqualTo(0.0));
            Assert.That(PortableMath.Exp(710), Is.EqualTo(double.PositiveInfinity));
        });
    }

    [Test]
    public void LogAgreesWithTheRuntimeToAFewUlps()
    {
        foreach (var x in new[] { 1e-300, 1e-10, 0.001, 0.5, 0.70710678, 0.9999999, 1.0000001, 1.5, 2, 3, 10, 12345.678, 1e200 })
        {
            var expected = Math.Log(x);
            Assert.That(PortableMath.Log(x), Is.EqualTo(expected).Within(1e-15 * Math.Max(1, Math.Abs(expected))), $"log({x:R})");
        }
        for (var x = 0.01; x < 5; x += 0.0123)
            Assert.That(PortableMath.Log(x), Is.EqualTo(Math.Log(x)).Within(1e-15 * Math.Max(1, Math.Abs(Math.Log(x)))), $"log({x:R})");
        Assert.Multiple(() =>
        {
            Assert.That(PortableMath.Log(1), Is.EqualTo(0.0));
            Assert.That(PortableMath.Log(0), Is.EqualTo(double.NegativeInfinity));
            Assert.That(PortableMath.Log(-1), Is.NaN);
        });
    }
}
