namespace HwGen.Fpga;

/// <summary>
/// The UART transmitter's bit timing: <see cref="Divisor"/> clock cycles per bit, the baud rate
/// that gives, and its error against the requested rate.
/// </summary>
/// <param name="RequestedBaud">The baud rate asked for.</param>
/// <param name="ClockMHz">The clock the transmitter runs at.</param>
/// <param name="Divisor">Clock cycles per bit: the clock divided by the baud rate, rounded to nearest.</param>
public sealed record UartSettings(int RequestedBaud, double ClockMHz, int Divisor)
{
    /// <summary>The default baud rate.</summary>
    public const int DefaultBaud = 115_200;

    /// <summary>The largest baud error a receiver tolerates reliably, in percent.</summary>
    public const double MaxErrorPercent = 2.0;

    /// <summary>The baud rate the divisor gives.</summary>
    public double ActualBaud => ClockMHz * 1e6 / Divisor;

    /// <summary>The difference between the actual and requested rate, in percent of the requested.</summary>
    public double ErrorPercent => (ActualBaud - RequestedBaud) / RequestedBaud * 100.0;

    /// <summary>Bits of the divider counter (enough to count 0 .. Divisor-1).</summary>
    public int CounterBits => Math.Max(1, (int)Math.Ceiling(Math.Log2(Divisor)));

    /// <summary>The divisor for <paramref name="baud"/> at <paramref name="clockMHz"/>.</summary>
    /// <exception cref="HwGenException">The rate is not positive, or the clock cannot make it within <see cref="MaxErrorPercent"/>.</exception>
    public static UartSettings For(int baud, double clockMHz)
    {
        if (baud <= 0)
            throw new HwGenException($"--baud {baud}: give a positive baud rate such as {DefaultBaud}.");
        var divisor = (int)Math.Round(clockMHz * 1e6 / baud, MidpointRounding.AwayFromZero);
        var settings = new UartSettings(baud, clockMHz, Math.Max(divisor, 1));
        if (divisor < 2 || Math.Abs(settings.ErrorPercent) > MaxErrorPercent)
        {
            throw new HwGenException(
                $"--baud {baud}: a {Fmt.MHz(clockMHz)} clock cannot make it within {Fmt.Num(MaxErrorPercent)}% " +
                $"(nearest {Fmt.Num(settings.ActualBaud, "0")} baud, {Fmt.Num(settings.ErrorPercent, "0.##")}%). Choose a lower baud rate or another clock.");
        }
        return settings;
    }
}
