using System.Globalization;
using HwGen.Rendering;

namespace HwGen.Fpga;

/// <summary>
/// Renders the board wrapper from <c>hdl-templates/board/</c>: the board top (clock, reset
/// synchroniser, LEDs), an iCE40 PLL when the clock needs one, the start loop with the token to
/// ASCII table and the UART transmitter. Every number and text is computed here.
/// </summary>
public static class BoardWrapper
{
    /// <summary>The shipped folder of board constraint files.</summary>
    public const string ConstraintsFolder = "constraints";

    /// <summary>Generates the wrapper of <paramref name="core"/> for <paramref name="target"/>.</summary>
    /// <param name="core">The core.</param>
    /// <param name="target">The board.</param>
    /// <param name="clock">The core clock (see <see cref="ClockPlan.For"/>).</param>
    /// <param name="baud">The UART baud rate.</param>
    /// <param name="loop">What the start loop feeds the core.</param>
    /// <param name="templates">The renderer of <c>hdl-templates/</c>; the shipped one when null.</param>
    /// <param name="constraintsFolder">Where the constraint files are; the shipped folder when null.</param>
    /// <exception cref="HwGenException">The baud rate cannot be made, or a template or constraint file is missing.</exception>
    public static BoardDesign Generate(CoreDesign core, FpgaTarget target, ClockPlan clock, int baud, SampleLoop loop,
        TemplateRenderer? templates = null, string? constraintsFolder = null)
    {
        var uart = UartSettings.For(baud, clock.ClockMHz);
        templates ??= TemplateRenderer.ForShipped(TemplateFolders.Hdl);
        var config = core.Config;
        var tokW = Math.Max(1, (int)Math.Ceiling(Math.Log2(config.VocabSize)));
        var posW = (int)Math.Ceiling(Math.Log2(config.BlockSize + 1));
        var files = new List<(string, string)>();

        files.Add(("hwgen_uart_tx.sv", templates.Render("board/hwgen_uart_tx.sv.hbs", new
        {
            Divisor = uart.Divisor,
            DivW = uart.CounterBits,
        })));

        var characters = CharacterMap.For(config).Select(c => new
        {
            Literal = $"{tokW}'d{c.Token}",
            Hex = c.Ascii.ToString("x2", CultureInfo.InvariantCulture),
            Shown = c.Ascii == CharacterMap.Unknown ? $"token {c.Token}: no printable character" : $"'{(char)c.Ascii}'",
        }).ToList();
        files.Add(("hwgen_name_printer.sv", templates.Render("board/hwgen_name_printer.sv.hbs", new
        {
            SeedHex = loop.SeedBase.ToString("x8", CultureInfo.InvariantCulture),
            TemperatureCode = loop.TemperatureCode,
            TemperatureText = "UQ8.8, " + Fmt.Num(loop.TemperatureCode / 256.0),
            GreedyBit = loop.Greedy ? "1'b1" : "1'b0",
            ModeText = loop.Greedy ? "greedy" : "sampled",
            VocabText = config.Vocab is null
                ? "The model has no vocabulary characters: every token prints as '?'."
                : $"Vocabulary: {config.VocabSize} tokens, BOS {config.Bos}.",
            TokW = tokW,
            TokMsb = tokW - 1,
            PosW = posW,
            Characters = characters,
            Divisor = uart.Divisor,
            DivW = uart.CounterBits,
        })));

        object? pll = null;
        if (clock.Pll is { } p)
        {
            string Bits(int value, int width) => Convert.ToString(value, 2).PadLeft(width, '0');
            pll = new
            {
                InputText = Fmt.MHz(p.InputMHz),
                OutputText = Fmt.MHz(p.OutputMHz),
                RequestedText = Fmt.MHz(p.RequestedMHz),
                PfdText = Fmt.MHz(p.PfdMHz),
                VcoText = Fmt.MHz(p.VcoMHz),
                p.DivR, p.DivF, p.DivQ, p.FilterRange,
                DivRBits = Bits(p.DivR, 4), DivFBits = Bits(p.DivF, 7), DivQBits = Bits(p.DivQ, 3), FilterRangeBits = Bits(p.FilterRange, 3),
            };
            files.Add(("hwgen_ice40_pll.sv", templates.Render("board/hwgen_ice40_pll.sv.hbs", pll)));
        }

        files.Add(("hwgen_top.sv", templates.Render("board/hwgen_top.sv.hbs", new
        {
            target.Board,
            target.Device,
            target.BoardClockText,
            ClockText = clock.Pll is null
                ? "clocks the core directly"
                : $"feeds a PLL that clocks the core at {Fmt.MHz(clock.ClockMHz)}",
            LockText = clock.Pll is null ? "" : " and until the PLL locks",
            BaudText = $"{uart.RequestedBaud} baud 8N1, {uart.Divisor} clock cycles per bit",
            Pll = pll,
            LedPolarityText = target.LedsActiveLow ? "active low" : "active high",
            LedInvert = target.LedsActiveLow ? "~" : "",
        })));

        var constraints = Path.Combine(constraintsFolder ?? TemplateFolders.Find(ConstraintsFolder), target.ConstraintsFile);
        if (!File.Exists(constraints))
            throw new HwGenException($"The constraint file {constraints} for {target.Name} is missing. Reinstall HwGen, or set {TemplateFolders.OverrideVariable} to the source tree.");
        return new BoardDesign(core, target, clock, uart, loop, files, (target.ConstraintsFile, File.ReadAllBytes(constraints)));
    }
}
