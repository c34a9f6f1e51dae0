using HwGen.Fpga;

namespace HwGen.Tests.Fpga;

public class WeightPlacementTests
{
    // Lines as yosys 0.23's MEMORY_LIBMAP prints them for the generated microGPT core (L = 4).
    private const string Log = """
        12.30. Executing MEMORY_LIBMAP pass (mapping memories to cells).
        using FF mapping for memory hwgen_core.$flatten\u_step.$auto$proc_rom.cc:150:do_switch$1011
        mapping memory hwgen_core.u_step.u_exp2.u_table.mem via $__ICE40_RAM4K_
        mapping memory hwgen_core.u_step.u_weights.u_bank0.mem via $__ICE40_RAM4K_
        mapping memory hwgen_core.u_step.u_weights.u_bank1.mem via $__ICE40_RAM4K_
        using FF mapping for memory hwgen_core.u_step.vmem_q
        """;

    [Test]
    public void Weight_memories_are_told_apart_from_tables_and_counted()
    {
        var ram = "hwgen_top/u_step.u_exp2.u_table.mem.0.0\nhwgen_top/u_step.u_weights.u_bank0.mem.0.0\nhwgen_top/u_step.u_weights.u_bank0.mem.0.1\nhwgen_top/u_step.u_weights.u_bank1.mem.0.0\n";
        var w = WeightPlacement.FromYosys(Log, ram, "", 4192 * 16);
        Assert.That(w, Is.EqualTo(new WeightPlacement("EBR", 2, 3, 0, 0, 67072)));
    }

    [Test]
    public void The_compact_cores_numbered_weight_banks_count_and_other_instances_do_not()
    {
        var log = """
            mapping memory hwgen_top.u_printer.u_core.u_step.u_kvx0.mem via $__ICE40_RAM4K_
            mapping memory hwgen_top.u_printer.u_core.u_step.u_weights0.mem via $__ICE40_RAM4K_
            mapping memory hwgen_top.u_printer.u_core.u_step.u_weights1.mem via $__ICE40_RAM4K_
            mapping memory hwgen_top.u_printer.u_core.u_step.xu_weights2.mem via $__ICE40_RAM4K_
            """;
        var ram = "hwgen_top/u_printer.u_core.u_step.u_kvx0.mem.0.0\nhwgen_top/u_printer.u_core.u_step.u_weights0.mem.0.0\n"
            + "hwgen_top/u_printer.u_core.u_step.u_weights0.mem.0.1\nhwgen_top/u_printer.u_core.u_step.u_weights1.mem.0.0\n";
        Assert.That(WeightPlacement.FromYosys(log, ram, "", 4192 * 16), Is.EqualTo(new WeightPlacement("EBR", 2, 3, 0, 0, 67072)));
    }

    [Test]
    public void A_weight_rom_built_of_logic_is_a_lut_rom()
    {
        var log = "using FF mapping for memory hwgen_top.u_printer.u_core.u_weights.mem\n";
        Assert.That(WeightPlacement.FromYosys(log, "", "", 160).Placement, Is.EqualTo("LUT ROM"));
        Assert.That(WeightPlacement.FromYosys("", "", "", 160).Placement, Is.EqualTo("unknown"));
    }
}
