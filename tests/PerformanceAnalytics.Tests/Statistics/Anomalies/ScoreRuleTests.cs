using PerformanceAnalytics.Statistics;

namespace PerformanceAnalytics.Tests.Statistics.AnomalyDetection;

public sealed class ScoreRuleTests
{
    // SciPy 1.10 fixtures (make_gesd_fixtures.py): scipy.stats.zscore(x, ddof=1), and
    // 0.6745 (x − median) / scipy.stats.median_abs_deviation(x, scale=1.0).
    [Test]
    public void ZScoreAndModifiedZScore_ScipyFixtures_AgreeToTwelveDigits()
    {
        foreach (var c in GeneralizedEsdTests.LoadCases())
        {
            var z = Anomalies.ZScore(c.Data);
            GeneralizedEsdTests.AssertRelative(z.Scores, c.ZScores, 1e-12, c.Name);
            z.Indices.Should().Equal(Enumerable.Range(0, c.Data.Length).Where(i => Math.Abs(c.ZScores[i]) > 3), c.Name);
            if (c.ModifiedZScores is { } expected)
            {
                var m = Anomalies.ModifiedZScore(c.Data);
                GeneralizedEsdTests.AssertRelative(m.Scores, expected, 1e-12, c.Name);
                m.Indices.Should().Equal(Enumerable.Range(0, c.Data.Length).Where(i => Math.Abs(expected[i]) > 3.5), c.Name);
            }
        }
    }

    // MAD = 0 (more than half the values equal): the documented fallback (x − median) / (1.253314 · MeanAD).
    // TV-A4 input (dotnet/machinelearning TimeSeriesDirectApi.cs, AnomalyDetectionWithSrCnn): twenty 5, one 10,
    // five 5 — ML.NET's detectors flag only index 20, and so must ours.
    [Test]
    public void ModifiedZScore_MadZero_UsesMeanAbsoluteDeviationFallback()
    {
        var y = Enumerable.Repeat(5.0, 20).Append(10.0).Concat(Enumerable.Repeat(5.0, 5)).ToArray();
        var result = Anomalies.ModifiedZScore(y);
        result.Indices.Should().Equal(20);
        result.Scores[20].Should().BeApproximately(5.0 / (1.253314 * (5.0 / 26)), 1e-12);
        result.Scores.Where((_, i) => i != 20).Should().OnlyContain(s => s == 0);
        Anomalies.ModifiedZScore(Enumerable.Repeat(2.0, 8).ToArray()).Indices.Should().BeEmpty();
    }

    [Test]
    public void ZScore_ConstantOrTooShort_ScoresNaNAndNothingFlagged()
    {
        var constant = Anomalies.ZScore([4.0, 4.0, 4.0]);
        constant.Indices.Should().BeEmpty();
        constant.Scores.Should().OnlyContain(s => double.IsNaN(s));
        Anomalies.ZScore([1.0]).Scores.Should().ContainSingle().Which.Should().Be(double.NaN);
        Anomalies.ZScore([]).Scores.Should().BeEmpty();
        Anomalies.ModifiedZScore([]).Indices.Should().BeEmpty();
    }

    [Test]
    public void ZScoreRules_BadArguments_ThrowNamingTheArgument()
    {
        FluentActions.Invoking(() => Anomalies.ZScore([1.0, double.NaN])).Should().Throw<ArgumentException>().WithParameterName("y");
        FluentActions.Invoking(() => Anomalies.ModifiedZScore([1.0, double.PositiveInfinity])).Should().Throw<ArgumentException>().WithParameterName("y");
        FluentActions.Invoking(() => Anomalies.ZScore([1.0, 2.0], 0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("threshold");
        FluentActions.Invoking(() => Anomalies.ModifiedZScore([1.0, 2.0], double.NaN)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("threshold");
    }
}
