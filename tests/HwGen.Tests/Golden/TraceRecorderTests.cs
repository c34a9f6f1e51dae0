using HwGen.Golden;

namespace HwGen.Tests.Golden;

public class TraceRecorderTests
{
    [Test]
    public void TheFirstDivergenceNamesStepTensorAndIndex()
    {
        var a = new TraceRecorder();
        var b = new TraceRecorder();
        var modelA = new FixedGpt(TalosPlans.Auto, a);
        var modelB = new FixedGpt(TalosPlans.Auto, b);
        foreach (var t in new[] { 26, 7, 4 })
        {
            modelA.StepCodes(t);
            modelB.StepCodes(t);
        }
        Assert.That(a.FirstDivergence(b), Is.Null);
        Assert.That(a.Steps, Has.Count.EqualTo(3));
        Assert.That(a.Steps[0].Select(t => t.Name).First(), Is.EqualTo("embedding"));
        b.Tensor(2, "layer0.attn_weights")[5] += 1;
        var d = a.FirstDivergence(b);
        Assert.That(d, Is.Not.Null);
        Assert.That((d!.Step, d.Tensor, d.Index), Is.EqualTo((2, "layer0.attn_weights", 5)));
        Assert.That(d.Actual, Is.EqualTo(d.Expected + 1));
    }
}
