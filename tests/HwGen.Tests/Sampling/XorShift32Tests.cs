using HwGen.Sampling;

namespace HwGen.Tests.Sampling;

public class XorShift32Tests
{
    [Test]
    public void FollowsMarsagliasSequenceFromState1()
    {
        var rng = XorShift32.FromState(1);
        Assert.That(new[] { rng.NextUInt32(), rng.NextUInt32(), rng.NextUInt32() }, Is.EqualTo(new uint[] { 270369, 67634689, 2647435461 }));
    }

    [Test]
    public void SeedsAreMixedByTheMurmur3Finalizer()
    {
        // fmix32(42) = 0x087fcd5c, then one xorshift32 step; seed 0 mixes to 0 and starts from 0x9E3779B9.
        Assert.That(new XorShift32(42).NextUInt32(), Is.EqualTo(3411182454u));
        Assert.That(new XorShift32(0).NextUInt32(), Is.EqualTo(1359758873u));
        Assert.That(new XorShift32(0).NextDouble(), Is.EqualTo(1359758873 / 4294967296.0));
    }
}
