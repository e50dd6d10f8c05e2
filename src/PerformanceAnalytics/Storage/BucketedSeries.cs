using PerformanceAnalytics.Model;

namespace PerformanceAnalytics.Storage;

/// <summary>A metric of one content item resampled to regular buckets.</summary>
/// <param name="ContentId">The content item.</param>
/// <param name="Metric">The metric.</param>
/// <param name="Bucket">The bucket width.</param>
/// <param name="BucketStarts">The start of each bucket; bucket i is [BucketStarts[i], BucketStarts[i + 1]) and the last ends at <paramref name="End"/>.</param>
/// <param name="End">The end of the last bucket.</param>
/// <param name="Values">Counter deltas or gauge values per bucket; <see cref="double.NaN"/> where unknown.</param>
/// <param name="Interpolated">Whether each bucket's value came from linear interpolation of the counter (no observation in it).</param>
/// <param name="CorrectionCount">Counter decreases (platform corrections) that were clamped to zero.</param>
/// <param name="CorrectionTotal">The total amount the clamped decreases removed (a non-negative number).</param>
public sealed record BucketedSeries(
    string ContentId,
    Metric Metric,
    BucketSize Bucket,
    DateTimeOffset[] BucketStarts,
    DateTimeOffset End,
    double[] Values,
    bool[] Interpolated,
    int CorrectionCount,
    double CorrectionTotal)
{
    /// <summary>Gets the number of buckets whose value was interpolated.</summary>
    public int InterpolatedCount => Interpolated.Count(static x => x);

    /// <summary>Gets the number of buckets with a known value.</summary>
    public int KnownCount => Values.Count(static v => !double.IsNaN(v));
}
