using HwGen.Rendering;
using HwGen.Tools;

namespace HwGen.Tests.Rtl.Compact;

/// <summary>
/// hwgen_cspram, the compact core's single-port memory: the iCE40 flow (which defines HWGEN_SPRAM) puts it
/// in an SB_SPRAM256KA; without the define (the Xilinx and Intel estimates, the vendor projects) it carries
/// no SPRAM attribute, which a family without SPRAM could not map.
/// </summary>
public class CompactSpramTests
{
    private static string Write(string name)
    {
        var dir = TestPaths.NewTempDir(name);
        File.WriteAllText(Path.Combine(dir, "hwgen_cspram.sv"),
            TemplateRenderer.ForShipped(TemplateFolders.Hdl).Render("compact/hwgen_cspram.sv.hbs", new { }));
        return dir;
    }

    [Test]
    [Category("Tools")]
    public void TheIce40FlowPutsTheMemoryInSpram()
    {
        var dir = Write("cspram-ice40");
        var script = new YosysScript()
            .Command("read_verilog -sv -DHWGEN_SPRAM hwgen_cspram.sv")
            .Command("chparam -set Width 16 -set Depth 64 -set AddrW 6 hwgen_cspram")
            .Command("synth_ice40 -top hwgen_cspram")
            .Command("stat");
        var result = YosysDriver.Create().Run(script, dir, "synth");
        Assert.That(result.Process.ExitCode, Is.Zero, result.Process.Tail());
        Assert.That(result.Stat!.Count("SB_SPRAM256KA"), Is.EqualTo(1));
        Assert.That(result.Stat!.Count("SB_RAM40_4K"), Is.Zero);
    }

    [Test]
    [Category("Tools")]
    public void WithoutTheDefineAFamilyWithoutSpramMapsTheMemory()
    {
        var dir = Write("cspram-xilinx");
        var script = new YosysScript()
            .Command("read_verilog -sv hwgen_cspram.sv")
            .Command("chparam -set Width 16 -set Depth 64 -set AddrW 6 hwgen_cspram")
            .Command("synth_xilinx -family xc7 -top hwgen_cspram")
            .Command("stat");
        var result = YosysDriver.Create().Run(script, dir, "synth");
        Assert.That(result.Process.ExitCode, Is.Zero, result.Process.Tail());
    }
}
