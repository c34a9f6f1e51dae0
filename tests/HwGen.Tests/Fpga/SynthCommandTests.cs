using HwGen.Tests.Cli;

namespace HwGen.Tests.Fpga;

public class SynthCommandTests
{
    [Test]
    public void Unknown_target_is_one_clear_error()
    {
        var r = CliInvocation.Run("synth", "--model", TestPaths.TalosModel, "--target", "basys3");
        Assert.That(r.ExitCode, Is.Not.EqualTo(0));
        Assert.That(r.Stderr.TrimEnd(), Is.EqualTo("hwgen: error: --target 'basys3' is not a known board. Choose one of: ice40-up5k, arty-a7-35t, de1-soc."));
        Assert.That(r.Stdout, Is.Empty);
    }

    [Test]
    public void A_clock_the_board_cannot_make_is_refused_before_anything_is_written()
    {
        var dir = Path.Combine(TestPaths.NewTempDir("synth-cli"), "out");
        var r = CliInvocation.Run("synth", "--model", TestPaths.TalosModel, "--target", "de1-soc", "--freq", "75", "--out", dir, "--cycle-samples", "0");
        Assert.That(r.Stderr.TrimEnd(), Is.EqualTo("hwgen: error: --freq 75: the de1-soc project runs the core at the board's 50 MHz clock (no PLL); leave out --freq or give 50."));
        Assert.That(Directory.Exists(dir), Is.False);
    }

    [Test]
    public void Run_refuses_an_unknown_target_before_any_stage()
    {
        var r = CliInvocation.Run("run", "--target", "basys3");
        Assert.That(r.ExitCode, Is.Not.EqualTo(0));
        Assert.That(r.Stderr, Does.Contain("basys3"));
        Assert.That(r.Stderr, Does.Not.Contain("stage 1"));
    }
}
