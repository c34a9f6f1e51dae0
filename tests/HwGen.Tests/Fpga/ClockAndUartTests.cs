using HwGen.Fpga;
using HwGen.Rtl;

namespace HwGen.Tests.Fpga;

public class ClockAndUartTests
{
    // Expected dividers: icepll -i 12 -o 48 and icepll -i 12 -o 33 (IceStorm) print these.
    [TestCase(48.0, 0, 63, 4, 1, 48.0)]
    [TestCase(33.0, 0, 87, 5, 1, 33.0)]
    // 37.3 is not reachable: with a 12 MHz reference only DIVR 0 keeps the PFD >= 10 MHz, so
    // F = 12 (DIVF+1) / 2^DIVQ with a VCO of 533..1066 MHz; the highest at or below 37.3 is 12*49/16.
    [TestCase(37.3, 0, 48, 4, 1, 36.75)]
    public void Pll_settings_are_the_closest_at_or_below_the_request(double requested, int divr, int divf, int divq, int filter, double output)
    {
        var pll = Ice40Pll.Best(12.0, requested)!;
        Assert.That((pll.DivR, pll.DivF, pll.DivQ, pll.FilterRange), Is.EqualTo((divr, divf, divq, filter)));
        Assert.That(pll.OutputMHz, Is.EqualTo(output).Within(1e-9));
    }

    [Test]
    public void The_board_clock_is_used_without_pll_when_nothing_faster_fits_the_request()
    {
        var plan = ClockPlan.For(FpgaTargets.Ice40Up5k, CoreArch.Fast, 14.0);
        Assert.That((plan.ClockMHz, plan.Pll), Is.EqualTo((12.0, (Ice40PllSettings?)null)));
        Assert.That(ClockPlan.For(FpgaTargets.Ice40Up5k, CoreArch.Fast, null).Pll, Is.Null);
    }

    [Test]
    public void Without_freq_the_compact_core_asks_the_up5k_for_the_clock_it_closes_timing_at()
    {
        var compact = ClockPlan.For(FpgaTargets.Ice40Up5k, CoreArch.Compact, null);
        Assert.That((compact.RequestedMHz, compact.ClockMHz), Is.EqualTo((30.0, 30.0)));
        Assert.That((compact.Pll!.DivR, compact.Pll.DivF, compact.Pll.DivQ), Is.EqualTo((0, 79, 5)));
        // A given --freq wins; the fast core and the vendor boards keep the board clock.
        Assert.That(ClockPlan.For(FpgaTargets.Ice40Up5k, CoreArch.Compact, 12.0).ClockMHz, Is.EqualTo(12.0));
        Assert.That(ClockPlan.For(FpgaTargets.Ice40Up5k, CoreArch.Fast, null).ClockMHz, Is.EqualTo(12.0));
        Assert.That(ClockPlan.For(FpgaTargets.ArtyA735t, CoreArch.Compact, null).ClockMHz, Is.EqualTo(100.0));
    }

    [Test]
    public void Impossible_clocks_are_refused_with_what_to_do()
    {
        var fast = Assert.Throws<HwGenException>(() => ClockPlan.For(FpgaTargets.Ice40Up5k, CoreArch.Fast, 300));
        Assert.That(fast!.Message, Is.EqualTo("--freq 300: the iCE40 PLL makes at most 275 MHz; give a lower frequency."));
        var vendor = Assert.Throws<HwGenException>(() => ClockPlan.For(FpgaTargets.ArtyA735t, CoreArch.Fast, 50));
        Assert.That(vendor!.Message, Is.EqualTo("--freq 50: the arty-a7-35t project runs the core at the board's 100 MHz clock (no PLL); leave out --freq or give 100."));
    }

    [Test]
    public void Uart_divisor_rounds_the_clock_over_the_baud_rate()
    {
        var uart = UartSettings.For(115_200, 12.0);
        Assert.That(uart.Divisor, Is.EqualTo(104)); // 12e6 / 115200 = 104.17
        Assert.That(uart.ErrorPercent, Is.EqualTo(0.16).Within(0.005));
        Assert.That(uart.CounterBits, Is.EqualTo(7));
        Assert.That(UartSettings.For(115_200, 48.0).Divisor, Is.EqualTo(417)); // 416.67
    }

    [Test]
    public void A_baud_rate_the_clock_cannot_make_is_refused()
    {
        var e = Assert.Throws<HwGenException>(() => UartSettings.For(5_000_000, 12.0));
        Assert.That(e!.Message, Is.EqualTo("--baud 5000000: a 12 MHz clock cannot make it within 2% (nearest 6000000 baud, 20%). Choose a lower baud rate or another clock."));
    }

    [Test]
    public void Unknown_target_lists_the_known_ones()
    {
        var e = Assert.Throws<HwGenException>(() => FpgaTargets.Find("ice40-hx8k"));
        Assert.That(e!.Message, Is.EqualTo("--target 'ice40-hx8k' is not a known board. Choose one of: ice40-up5k, arty-a7-35t, de1-soc."));
    }
}
