namespace PerformanceAnalytics.Statistics;

/// <summary>The sampling frequency of a series, which fixes the seasonal periods worth testing
/// (<see cref="Seasonality.CandidatePeriods(SeasonalityFrequency)"/>).</summary>
public enum SeasonalityFrequency
{
    /// <summary>One value per hour: daily cycle, period 24.</summary>
    Hourly,

    /// <summary>One value per day: weekly cycle (7) and yearly cycle (365.25 days, rounded to 365).</summary>
    Daily,

    /// <summary>One value per week: yearly cycle, 52 weeks (52.18 rounded).</summary>
    Weekly,

    /// <summary>One value per month: yearly cycle, period 12.</summary>
    Monthly,

    /// <summary>One value per quarter: yearly cycle, period 4.</summary>
    Quarterly,
}
