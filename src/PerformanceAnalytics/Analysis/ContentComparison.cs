using PerformanceAnalytics.Model;

namespace PerformanceAnalytics.Analysis;

/// <summary>Content items compared on tracked metrics.</summary>
/// <param name="Range">The compared period.</param>
/// <param name="Rows">One row per content item found, in the order asked.</param>
/// <param name="NotFound">The asked ids that have never been observed.</param>
public sealed record ContentComparison(TimeRange Range, IReadOnlyList<ContentComparisonRow> Rows, IReadOnlyList<string> NotFound);
