using HwGen.Exploration;

namespace HwGen.Tests.Exploration;

public class LaneListTests
{
    [Test]
    public void ParsesCountsInTheOrderGiven()
    {
        Assert.That(LaneList.Parse("4, 1,16 ,2"), Is.EqualTo(new[] { 4, 1, 16, 2 }));
        Assert.That(LaneList.Parse("4096"), Is.EqualTo(new[] { 4096 }));
    }

    [TestCase("0,3x", "--lanes '0,3x': 0 is not a lane count from 1 to 4096; give a comma-separated list of lane counts from 1 to 4096, e.g. --lanes 1,2,4,8.")]
    [TestCase("2,3x", "--lanes '2,3x': '3x' is not a whole number; give a comma-separated list of lane counts from 1 to 4096, e.g. --lanes 1,2,4,8.")]
    [TestCase("-1", "--lanes '-1': '-1' is not a whole number; give a comma-separated list of lane counts from 1 to 4096, e.g. --lanes 1,2,4,8.")]
    [TestCase("1,,2", "--lanes '1,,2' has an empty item; give a comma-separated list of lane counts from 1 to 4096, e.g. --lanes 1,2,4,8.")]
    [TestCase(" ", "--lanes ' ' lists no lane count; give a comma-separated list of lane counts from 1 to 4096, e.g. --lanes 1,2,4,8.")]
    [TestCase("8,4,8", "--lanes '8,4,8': 8 is listed twice; give each lane count once.")]
    [TestCase("4097", "--lanes '4097': 4097 is not a lane count from 1 to 4096; give a comma-separated list of lane counts from 1 to 4096, e.g. --lanes 1,2,4,8.")]
    public void BadListsSayWhatAndWhatToGive(string text, string message)
    {
        var e = Assert.Throws<HwGenException>(() => LaneList.Parse(text));
        Assert.That(e!.Message, Is.EqualTo(message));
    }
}
