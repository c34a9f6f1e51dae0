using HwGen.Model;
using HwGen.Numerics;
using HwGen.Quantization;

namespace HwGen.Tests.Quantization;

public class WeightQuantizerTests
{
    [Test]
    public void Q412WordsEqualTheTalosRomImages()
    {
        var weights = SafeTensors.Load(TestPaths.TalosModel);
        var plan = PlanBuilder.Fixed(weights, QFormat.Parse("Q4.12"));
        var romDir = Path.Combine(TestPaths.Shared, "models", "talos-v2-rom-q4.12");
        foreach (var t in plan.Tensors)
        {
            var romFile = Path.Combine(romDir, TensorNames.FileStem(t.Name) + "_q12.hex");
            var rom = File.ReadAllLines(romFile).Where(l => l.Length > 0).Select(l => l.Trim().ToLowerInvariant()).ToArray();
            var ours = MemFile.Render(t.Codes).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.That(ours, Has.Length.EqualTo(rom.Length), t.Name);
            for (var i = 0; i < rom.Length; i++)
            {
                if (ours[i] != rom[i])
                    Assert.Fail($"{t.Name} word {i} (row {i / t.Cols}, col {i % t.Cols}): ours {ours[i]}, ROM {rom[i]}");
            }
        }
        Assert.That(plan.Tensors.Sum(t => t.Clipped), Is.Zero);
    }

    [Test]
    public void AutoTakesTheFewestIntegerBitsWithoutClipping()
    {
        var weights = SafeTensors.Load(TestPaths.TalosModel);
        foreach (var (name, _, _) in weights.Config.TensorShapes())
        {
            var m = weights.Tensors[name];
            var auto = WeightQuantizer.Quantize(name, m, null);
            Assert.That(auto.Clipped, Is.Zero, name);
            if (auto.Format.IntBits > 1)
            {
                var tighter = WeightQuantizer.Quantize(name, m, new QFormat(auto.Format.IntBits - 1));
                Assert.That(tighter.Clipped, Is.GreaterThan(0), $"{name}: {tighter.Format} would also hold every weight");
            }
            Assert.That(auto.MaxAbs, Is.EqualTo(m.Data.Max(Math.Abs)));
        }
    }

    [Test]
    public void RoundsHalfToEvenSaturatesAndReportsSnr()
    {
        // Q14.2: steps of 0.25. 0.125 and 0.375 are ties; 9000 is beyond 8191.75.
        var m = new Matrix(1, 5, [0.125, 0.375, -0.125, 9000.0, 1.0]);
        var t = WeightQuantizer.Quantize("x", m, QFormat.Parse("Q14.2"));
        Assert.That(t.Codes.ToArray(), Is.EqualTo(new short[] { 0, 2, 0, 32767, 4 }));
        Assert.That(t.Clipped, Is.EqualTo(1));
        var signal = 0.125 * 0.125 * 2 + 0.375 * 0.375 + 9000.0 * 9000 + 1;
        var noise = 0.125 * 0.125 * 3 + Math.Pow(9000 - 8191.75, 2);
        Assert.That(t.SnrDb, Is.EqualTo(10 * Math.Log10(signal / noise)).Within(1e-9));
    }

    [Test]
    public void MemFilesAreFourLowercaseHexDigitsOfTwosComplement()
    {
        Assert.That(MemFile.Render([0, 1, -1, -100, short.MinValue, short.MaxValue, 0x0abc]),
            Is.EqualTo("0000\n0001\nffff\nff9c\n8000\n7fff\n0abc\n"));
        Assert.That(MemFile.Parse("ff9c\n7fff\n", "x.mem"), Is.EqualTo(new short[] { -100, 32767 }));
        var e = Assert.Throws<HwGenException>(() => MemFile.Parse("0000\n-01\n", "x.mem"));
        Assert.That(e!.Message, Is.EqualTo("x.mem:2: '-01' is not a 16-bit word of 4 hex digits."));
    }
}
