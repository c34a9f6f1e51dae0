namespace HwGen.Training;

/// <summary>
/// exp and log built from IEEE-754 additions, multiplications, divisions and exact power-of-two
/// scaling only, so that training gives bit-identical weights on every platform (Math.Exp and
/// Math.Log come from the platform's C library and may differ in the last bit). Both are accurate
/// to a few units in the last place, which is all training needs.
/// </summary>
public static class PortableMath
{
    private const double Ln2Hi = 6.93147180369123816490e-01; // ln 2 rounded to 32 significant bits: k * Ln2Hi is exact
    private const double Ln2Lo = 1.90821492927058770002e-10; // ln 2 - Ln2Hi
    private const double Ln2 = 0.6931471805599453;

    /// <summary>e^x. Below -745 it returns 0; above 709.78 it returns +infinity.</summary>
    public static double Exp(double x)
    {
        if (double.IsNaN(x))
            return x;
        if (x > 709.782712893384)
            return double.PositiveInfinity;
        if (x < -745.2)
            return 0;
        // x = k ln2 + r with |r| <= ln2 / 2; e^r by its Taylor series (terms to r^14 / 14!).
        var k = Math.Round(x / Ln2, MidpointRounding.ToEven);
        var r = (x - k * Ln2Hi) - k * Ln2Lo;
        var term = 1.0;
        var sum = 1.0;
        for (var n = 1; n <= 14; n++)
        {
            term *= r / n;
            sum += term;
        }
        return Math.ScaleB(sum, (int)k);
    }

    /// <summary>The natural logarithm; NaN for negative x, -infinity for 0.</summary>
    public static double Log(double x)
    {
        if (double.IsNaN(x) || x < 0)
            return double.NaN;
        if (x == 0)
            return double.NegativeInfinity;
        if (double.IsPositiveInfinity(x))
            return x;
        // x = m 2^e with m in [sqrt(1/2), sqrt(2)); ln m = 2 atanh(f), f = (m - 1) / (m + 1), |f| < 0.172.
        var e = Math.ILogB(x);
        var m = Math.ScaleB(x, -e);
        if (m > 1.4142135623730951)
        {
            m *= 0.5;
            e++;
        }
        var f = (m - 1) / (m + 1);
        var f2 = f * f;
        var power = f;
        var series = 0.0;
        for (var n = 1; n <= 41; n += 2)
        {
            series += power / n;
            power *= f2;
        }
        return e * Ln2Hi + (2 * series + e * Ln2Lo);
    }
}
