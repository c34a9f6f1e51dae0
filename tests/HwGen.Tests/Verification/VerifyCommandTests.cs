using System.Text.Json;
using HwGen.Tests.Cli;

namespace HwGen.Tests.Verification;

[Category("Verilator")]
public class VerifyCommandTests
{
    [Test]
    public void JsonReportsCountsAndAgreement()
    {
        var r = CliInvocation.Run("verify", "--model", TestPaths.TalosModel, "--samples", "24", "--lanes", "4", "--seed", "9", "--json");

        var json = JsonDocument.Parse(r.Stdout).RootElement;
        Assert.That(json.GetProperty("first_divergence").ValueKind, Is.EqualTo(JsonValueKind.Null), r.Stdout);
        Assert.That(json.GetProperty("passed").GetBoolean(), Is.True);
        Assert.That(json.GetProperty("samples").GetInt32(), Is.EqualTo(24));
        Assert.That(json.GetProperty("mismatches").GetInt64(), Is.EqualTo(0));
        Assert.That(json.GetProperty("logits_compared").GetInt64(), Is.EqualTo(json.GetProperty("steps").GetInt64() * 27));
        Assert.That(json.GetProperty("cycle_model_passed").GetBoolean(), Is.True, r.Stdout);
        Assert.That(json.GetProperty("cycle_mismatches").GetInt64(), Is.EqualTo(0));
        Assert.That(json.GetProperty("cycle_counts_compared").GetInt64(), Is.GreaterThan(json.GetProperty("steps").GetInt64() * 13));
        Assert.That(json.GetProperty("first_cycle_mismatch").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(r.ExitCode, Is.Zero);
    }
}
