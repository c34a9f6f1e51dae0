using HwGen.Exploration;
using HwGen.Fpga;

namespace HwGen.Tests.Exploration;

public class ParetoFrontTests
{
    [Test]
    public void APointIsOnTheFrontWhenNoOtherIsAtLeastAsGoodOnBothAndBetterOnOne()
    {
        (double, double)[] points =
        [
            (4000, 900),  // 0: fewest LUTs
            (2000, 1500), // 1: front
            (2000, 1600), // 2: as fast as 1 with more LUTs: dominated
            (2500, 1500), // 3: as small as 1, slower: dominated
            (500, 6000),  // 4: fastest
            (3000, 3000), // 5: dominated by 1
            (500, 6000),  // 6: equal to 4: neither dominates the other
        ];

        Assert.That(ParetoFront.Indices(points), Is.EquivalentTo(new[] { 0, 1, 4, 6 }));
    }

    [Test]
    public void FailedPointsAndPointsWithoutAnEstimateNeverJoinTheFront()
    {
        PointResult Ok(int lanes, double cycles, int? luts) =>
            new(lanes, true, null, cycles, cycles, (long)cycles, (long)cycles, 10, true, null, null,
                luts is { } n ? new PointResources("arty-a7-35t", "xc7", true, [new ResourceUse("LUT", n, 20800, "yosys")], true, null, "BRAM", null) : null,
                null, null, false, false, 1, $"k{lanes}");
        var failed = PointResult.Failed(8, 10, "verify: 1 mismatch(es)", "k8") with
        {
            Resources = new PointResources("arty-a7-35t", "xc7", true, [new ResourceUse("LUT", 1, 20800, "yosys")], true, null, "BRAM", null),
        };
        var results = new[] { Ok(1, 4000, 900), Ok(2, 2000, 1500), Ok(4, 1000, null), failed, Ok(16, 2100, 1600) };

        var marked = ParetoFront.Mark(results);

        Assert.That(marked.Select(r => r.Pareto), Is.EqualTo(new[] { true, true, false, false, false }));
        Assert.That(marked.Select(r => r.Lanes), Is.EqualTo(new[] { 1, 2, 4, 8, 16 }), "order kept");
    }
}
