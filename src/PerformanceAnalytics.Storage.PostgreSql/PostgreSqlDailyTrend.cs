namespace PerformanceAnalytics.Storage.PostgreSql;

/// <summary>A least-squares line through one content item's daily values, from <see cref="PostgreSqlEngagementStore.GetDailyTrendAsync"/>.</summary>
/// <param name="Days">The number of days with an observation (the points of the fit).</param>
/// <param name="Slope">The change per day; NaN with fewer than two days.</param>
/// <param name="Intercept">The fitted value on the range's first day (day 0); NaN with fewer than two days.</param>
/// <param name="RSquared">The coefficient of determination; NaN with fewer than two days, 1 when the values are constant (as PostgreSQL's <c>regr_r2</c>).</param>
public sealed record PostgreSqlDailyTrend(long Days, double Slope, double Intercept, double RSquared);
