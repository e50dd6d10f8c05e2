using System.Text.Json;
using PerformanceAnalytics.Statistics;

namespace PerformanceAnalytics.Tests.Statistics.ChangePointDetection;

/// <summary>
/// Change points asserted by the R changepoint package's own test suite (rkillick/changepoint
/// tests/testthat/test-examples.R), on the same simulated series regenerated with R's RNG
/// (TestData/Fixtures/ChangePoints/make_changepoint_examples.R). R reports the last index (1-based) of each segment,
/// which is the 0-based start of the next one, so the numbers carry over unchanged.
/// </summary>
public sealed class RChangepointExampleTests
{
    // 'mean1' and 'meanvar1': cpt.mean(y) and cpt.meanvar(z) with their default MBIC penalty → a change at 100.
    // (R's default method there is AMOC, at most one change; PELT with the same MBIC objective finds the same single change.)
    [Test]
    public void Pelt_DefaultMbic_RChangepointSingleChangeExamples()
    {
        ChangePoints.Pelt(Series("mean1"), ChangePointCost.Mean).Should().Equal(100);
        ChangePoints.Pelt(Series("meanvar1"), ChangePointCost.MeanVariance).Should().Equal(100);
        ChangePoints.Pelt(Series("meanvar1")).Should().Equal(100);
    }

    // 'crops1'/'crops2': cpt.mean(x, penalty = "CROPS", pen.value = c(4, 1500), method = "PELT") (normal mean cost with
    // unit variance, minseglen 1) → segmentations optimal from penalties 4, 4.332496, 4.385247, 4.684254, 559.366988,
    // 646.962719, 1311.335695 on. Each is checked inside its interval (at the midpoint; past the last bound for the last).
    [TestCase(4.1, new[] { 50, 96, 100, 133, 150, 159, 180 })]
    [TestCase((4.332496 + 4.385247) / 2, new[] { 50, 96, 100, 133, 150 })]
    [TestCase((4.385247 + 4.684254) / 2, new[] { 50, 100, 133, 150 })]
    [TestCase((4.684254 + 559.366988) / 2, new[] { 50, 100, 150 })]
    [TestCase((559.366988 + 646.962719) / 2, new[] { 50, 150 })]
    [TestCase((646.962719 + 1311.335695) / 2, new[] { 50 })]
    [TestCase(1400.0, new int[0])]
    public void Pelt_MeanCost_RChangepointCropsSegmentations(double penalty, int[] expected)
    {
        ChangePoints.Pelt(Series("mean5"), ChangePointCost.Mean, penalty, 1).Should().Equal(expected);
    }

    // 'crops3'/'crops4': cpt.meanvar(x, penalty = "CROPS", pen.value = c(2 log n, 100 log n), method = "PELT")
    // (minseglen 2) → segmentations optimal from 10.59663, 10.68431, 11.31088, 11.38307, 119.78669, 191.42622 on.
    [TestCase((10.59663 + 10.68431) / 2, new[] { 15, 17, 22, 44, 46, 50, 100, 133, 151 })]
    [TestCase((10.68431 + 11.31088) / 2, new[] { 15, 17, 22, 50, 100, 133, 151 })]
    [TestCase((11.31088 + 11.38307) / 2, new[] { 50, 100, 133, 151 })]
    [TestCase((11.38307 + 119.78669) / 2, new[] { 50, 100, 150 })]
    [TestCase((119.78669 + 191.42622) / 2, new[] { 50 })]
    [TestCase(250.0, new int[0])]
    public void Pelt_MeanVarianceCost_RChangepointCropsSegmentations(double penalty, int[] expected)
    {
        ChangePoints.Pelt(Series("meanvar4"), ChangePointCost.MeanVariance, penalty, 2).Should().Equal(expected);
    }

    // At an interval bound of CROPS two segmentations have equal penalised cost: our costs must reproduce R's bounds,
    // which R prints to 6–7 significant digits. Mean cost: the bound between {50, 100, 150} and {50, 150} is 559.366988.
    [Test]
    public void Pelt_MeanCost_RChangepointCropsBoundReproduced()
    {
        var x = Series("mean5");
        var three = ChangePointReference.Objective(x.Length, [50, 100, 150], ChangePointReference.Cost(x, ChangePointCost.Mean), 0);
        var two = ChangePointReference.Objective(x.Length, [50, 150], ChangePointReference.Cost(x, ChangePointCost.Mean), 0);
        (two - three).Should().BeApproximately(559.366988, 5e-6);
    }

    // Mean-and-variance cost: bounds 11.38307 ({50, 100, 133, 151} vs {50, 100, 150}) and 119.78669 ({50, 100, 150}
    // vs {50}, two change points apart). R's cost m(ln 2π + ln σ̂² + 1) differs from ours by a constant.
    [Test]
    public void Pelt_MeanVarianceCost_RChangepointCropsBoundsReproduced()
    {
        var x = Series("meanvar4");
        var cost = ChangePointReference.Cost(x, ChangePointCost.MeanVariance);
        var four = ChangePointReference.Objective(x.Length, [50, 100, 133, 151], cost, 0);
        var three = ChangePointReference.Objective(x.Length, [50, 100, 150], cost, 0);
        var one = ChangePointReference.Objective(x.Length, [50], cost, 0);
        (three - four).Should().BeApproximately(11.38307, 5e-5);
        ((one - three) / 2).Should().BeApproximately(119.78669, 5e-5);
    }

    // 'mean5': cpt.mean(x, penalty = "Manual", pen.value = "2*log(n)", method = "BinSeg", Q = 5) → 50, 100, 150.
    // 'meanvar4': cpt.meanvar(x, penalty = "Manual", pen.value = "4*log(n)", method = "BinSeg", Q = 5) → 50, 100, 150, 152.
    [Test]
    public void BinarySegmentation_RChangepointBinSegExamples()
    {
        var mean5 = Series("mean5");
        ChangePoints.BinarySegmentation(mean5, ChangePointCost.Mean, 2 * Math.Log(mean5.Length), 1, 5).Should().Equal(50, 100, 150);
        var meanvar4 = Series("meanvar4");
        ChangePoints.BinarySegmentation(meanvar4, ChangePointCost.MeanVariance, 4 * Math.Log(meanvar4.Length), 2, 5).Should().Equal(50, 100, 150, 152);
    }

    private static double[] Series(string name)
    {
        var path = Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "Fixtures", "ChangePoints", "r_changepoint_examples.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty(name).EnumerateArray().Select(e => e.GetDouble()).ToArray();
    }
}
