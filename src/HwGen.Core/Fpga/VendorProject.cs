using System.Globalization;
using System.Text;
using HwGen.Rendering;

namespace HwGen.Fpga;

/// <summary>A vendor project written for the user: its main file, the command that builds it, and the tool that command needs.</summary>
/// <param name="MainFile">The script or project file, relative to the output folder.</param>
/// <param name="Command">The command that builds the bitstream, run in the output folder.</param>
/// <param name="Tool">The vendor program the command runs ("vivado", "quartus_sh").</param>
/// <param name="ToolName">The vendor tool's name for messages ("Vivado", "Quartus Prime").</param>
/// <param name="Files">The project's own files (script or project, constraints), relative to the output folder.</param>
public sealed record VendorProject(string MainFile, string Command, string Tool, string ToolName, IReadOnlyList<string> Files)
{
    /// <summary>
    /// Adds the project files of <paramref name="design"/> (a Vivado or Quartus target) to
    /// <paramref name="plan"/>, besides the design itself, and says how to build it.
    /// </summary>
    /// <exception cref="HwGenException">The target is not a vendor target, or a template is missing.</exception>
    public static VendorProject AddTo(BuildPlan plan, BoardDesign design, TemplateRenderer templates)
    {
        var target = design.Target;
        var top = BoardDesign.TopModule;
        switch (target.Flow)
        {
            case FpgaFlowKind.Vivado:
            {
                design.AddTo(plan);
                const string script = "build.tcl";
                plan.AddText(script, templates.Render("board/vivado_build.tcl.hbs", new
                {
                    target.Board,
                    Part = target.Device,
                    ScriptName = script,
                    Top = top,
                    Sources = design.Sources,
                    MemFiles = design.Core.Files.Select(f => f.Path).Where(p => p.EndsWith(".mem", StringComparison.Ordinal)).ToList(),
                    Xdc = design.Constraints.Path,
                }));
                return new VendorProject(script, $"vivado -mode batch -source {script}", "vivado", "Vivado", [script, design.Constraints.Path]);
            }
            case FpgaFlowKind.Quartus:
            {
                design.AddTo(plan, includeConstraints: false);
                var view = new
                {
                    target.Board,
                    Device = target.Device,
                    Family = "Cyclone V",
                    Top = top,
                    Sources = design.Sources,
                    PinsFile = design.Constraints.Path,
                    Pins = Encoding.UTF8.GetString(design.Constraints.Content).TrimEnd('\n'),
                    ClockText = target.BoardClockText,
                    PeriodNs = (1000.0 / design.Clock.ClockMHz).ToString("0.000", CultureInfo.InvariantCulture),
                };
                plan.AddText(top + ".qpf", templates.Render("board/quartus_project.qpf.hbs", view));
                plan.AddText(top + ".qsf", templates.Render("board/quartus_project.qsf.hbs", view));
                plan.AddText(top + ".sdc", templates.Render("board/quartus_project.sdc.hbs", view));
                return new VendorProject(top + ".qpf", $"quartus_sh --flow compile {top}", "quartus_sh", "Quartus Prime", [top + ".qpf", top + ".qsf", top + ".sdc"]);
            }
            default:
                throw new HwGenException($"{target.Name} is built here, not by a vendor project.");
        }
    }
}
