using System.Text.Json;
using HwGen.Rendering;
using HwGen.Rtl;
using HwGen.Tools;

namespace HwGen.Fpga;

/// <summary>
/// <c>hwgen synth</c>: wraps a core for a board and builds it. iCE40: yosys, nextpnr-ice40 and
/// icepack run here and leave a bitstream. Vivado and Quartus targets: the project is written for
/// the user, checked by linting it with Verilator, and its resources estimated with yosys. Every
/// target's wrapper is linted. Everything is built in a staging folder that replaces the output
/// folder only when complete; a failure leaves the output folder as it was.
/// </summary>
public sealed class SynthFlow
{
    private readonly ToolLocator _locator;
    private readonly TemplateRenderer _templates;
    private readonly string? _constraintsFolder;
    private readonly Func<VerilatorDriver> _verilator;

    /// <param name="locator">Finds the tools; <see cref="ToolLocator.Default"/> when null.</param>
    /// <param name="templates">The renderer of <c>hdl-templates/</c>; the shipped one when null.</param>
    /// <param name="constraintsFolder">The board constraint files; the shipped folder when null.</param>
    /// <param name="verilator">The Verilator driver for lint; found through <paramref name="locator"/> when null.</param>
    public SynthFlow(ToolLocator? locator = null, TemplateRenderer? templates = null, string? constraintsFolder = null, VerilatorDriver? verilator = null)
    {
        _locator = locator ?? ToolLocator.Default;
        _templates = templates ?? TemplateRenderer.ForShipped(TemplateFolders.Hdl);
        _constraintsFolder = constraintsFolder;
        _verilator = verilator is null ? () => VerilatorDriver.Create(locator: _locator) : () => verilator;
    }

    /// <summary>The most placements one iCE40 build may try (<see cref="SynthRequest.PlacerSeeds"/>).</summary>
    public const int MaxPlacerSeeds = 32;

    /// <summary>Writes progress lines ("synthesising with yosys", ...); nothing when null.</summary>
    public Action<string>? Progress { get; init; }

    /// <summary>
    /// Builds <paramref name="request"/>. <paramref name="cyclesPerToken"/> simulates the core
    /// (given the folder its files are in) and returns its cycles per token; the report has no
    /// cycles or tokens/s when it is null.
    /// </summary>
    /// <exception cref="HwGenException">Bad options, a design that does not fit, a wrapper that does not lint, or a tool failure; the output folder is unchanged.</exception>
    public SynthReport Run(SynthRequest request, Func<string, CycleReport>? cyclesPerToken = null, CancellationToken cancellation = default)
    {
        var target = request.Target;
        if (request.PlacerSeeds is < 1 or > MaxPlacerSeeds)
            throw new HwGenException($"--pnr-seeds {request.PlacerSeeds}: give 1 to {MaxPlacerSeeds} placements.");
        if (request.PlacerSeeds > 1 && target.Flow != FpgaFlowKind.IceStorm)
            throw new HwGenException($"--pnr-seeds {request.PlacerSeeds}: {target.Name} is placed by its vendor's tool, not here; leave out --pnr-seeds.");
        var clock = ClockPlan.For(target, request.Core.Arch, request.FrequencyMHz);
        var design = BoardWrapper.Generate(request.Core, target, clock, request.Baud, request.Loop, _templates, _constraintsFolder);
        var plan = new BuildPlan(request.Core.Origin);
        VendorProject? vendor = null;
        if (target.Flow == FpgaFlowKind.IceStorm)
            design.AddTo(plan);
        else
            vendor = VendorProject.AddTo(plan, design, _templates);

        var staged = StagedOutput.Begin(request.OutDir, plan);
        try
        {
            var dir = staged.Staging;
            var notes = new List<string>();
            Progress?.Invoke("linting the board design with Verilator");
            var yosys = YosysDriver.Create(locator: _locator);
            var lint = WrapperLint.Run(_verilator(), design, dir, yosys.Yosys.Path, cancellation);
            if (lint.CoreDiagnostics.Count > 0)
                notes.Add($"verilator -Wall: {lint.CoreDiagnostics.Count} diagnostic(s) in the core (see lint.log), none in the wrapper.");

            IReadOnlyList<ResourceUse> resources;
            WeightPlacement weights;
            TimingReport? timing = null;
            var files = new List<string>();
            if (vendor is null)
            {
                Progress?.Invoke("synthesising with yosys, placing and routing with nextpnr-ice40, packing with icepack");
                var flow = new Ice40Flow(yosys, NextpnrDriver.Create(locator: _locator), IcepackDriver.Create(_locator));
                var build = flow.Run(design, dir, request.PlacerSeeds, cancellation);
                resources = build.Resources;
                weights = build.Synthesis.Weights;
                if (build.PlaceAndRoute.Report.MaxFrequencyMHz is { } fmax)
                {
                    timing = new TimingReport(fmax, clock.ClockMHz, fmax >= clock.ClockMHz, build.PlaceAndRoute.Report.SlowestPath);
                    if (!timing.Met)
                        notes.Add($"Timing not met: Fmax {Fmt.MHz(fmax)} is below the {Fmt.MHz(clock.ClockMHz)} clock; the bitstream may misbehave. Use --freq {Fmt.Num(Math.Floor(fmax))} or lower.");
                }
                if (build.KeptSeed is { } kept)
                    notes.Add($"Placed with nextpnr seeds 1 to {build.PlacerSeeds.Count} (Fmax {string.Join(", ", build.PlacerSeeds.Select(s => s.FmaxMHz is { } f ? Fmt.MHz(f) : "none"))}); the bitstream and pnr.log are seed {kept}'s.");
                files.AddRange([Path.GetFileName(build.Bitstream), "synth.log", "pnr.log", "lint.log"]);
            }
            else
            {
                Progress?.Invoke($"estimating resources with yosys ({target.YosysSynth})");
                var estimate = YosysSynthesis.Run(yosys, design, dir, "estimate", writeNetlist: false, cancellation);
                resources = estimate.Resources;
                weights = estimate.Weights;
                files.AddRange([.. vendor.Files, "estimate.log", "lint.log"]);
                var tool = _locator.TryFind(new ToolSpec(vendor.Tool, null, vendor.ToolName, [], ""));
                notes.Add(tool is null
                    ? $"{vendor.ToolName} ({vendor.Tool}) is not installed on this machine, so no bitstream was built. The project is in {staged.Target}; build it there with: {vendor.Command}"
                    : $"{vendor.ToolName} is at {tool.Path}; build the project in {staged.Target} with: {vendor.Command}");
                notes.Add("Resources are yosys estimates, not vendor results.");
            }

            CycleReport? cycles = null;
            if (cyclesPerToken is not null)
            {
                Progress?.Invoke("simulating the core for its cycles per token");
                cycles = cyclesPerToken(dir);
            }
            double? perSecond = cycles is { Mean: > 0 } && timing is not null ? Math.Round(timing.FmaxMhz * 1e6 / cycles.Mean) : null;
            double? atClock = cycles is { Mean: > 0 } ? Math.Round(clock.ClockMHz * 1e6 / cycles.Mean) : null;
            var p = clock.Pll;
            var report = new SynthReport(
                target.Name, target.Board, target.Device, request.Core.Origin, request.Core.Lanes, vendor is not null,
                new ClockReport(clock.RequestedMHz, clock.ClockMHz, p is null ? null : $"DIVR {p.DivR}, DIVF {p.DivF}, DIVQ {p.DivQ}, FILTER_RANGE {p.FilterRange}"),
                $"{design.Uart.RequestedBaud} baud (divisor {design.Uart.Divisor}, {design.Uart.ErrorPercent:+0.00;-0.00;0.00}%)",
                resources, weights, timing, cycles, perSecond, atClock, staged.Target, [.. files, SynthReport.FileName], notes, request.Core.Arch.Name());
            File.WriteAllText(Path.Combine(dir, SynthReport.FileName), JsonSerializer.Serialize(report, ReportJson.Options) + "\n");
            staged.Commit();
            return report;
        }
        catch (HwGenException e)
        {
            var kept = staged.Abandon();
            // Paths in the message named the staging folder, which is now the kept one.
            var message = kept is null ? e.Message : e.Message.Replace(staged.Staging, kept, StringComparison.Ordinal);
            throw new HwGenException(kept is null ? message : $"{message}{(message.EndsWith('.') ? "" : ".")} The files of the failed run are in {kept}.", e);
        }
    }
}
