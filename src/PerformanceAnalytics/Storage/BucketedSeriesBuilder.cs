using PerformanceAnalytics.Model;

namespace PerformanceAnalytics.Storage;

/// <summary>
/// The one definition of bucketing, counter deltas, interpolation and corrections, shared by every store so
/// that all return the same series for the same data.
/// </summary>
/// <remarks>
/// <para>
/// <b>Buckets.</b> Hour, day and week buckets follow the calendar of the query's time zone (weeks start on
/// Monday). The range is widened to whole buckets: the first bucket is the one containing the range start, the
/// last the one containing the instant just before the range end.
/// </para>
/// <para>
/// <b>Counters.</b> The level of a bucket is its last observed total. A bucket without observations between two
/// observed ones gets the level interpolated linearly in time at its end, and is flagged as interpolated. Buckets
/// before the first observation and after the last one have no level (NaN) unless an observation before or after
/// the range brackets them. The delta of a bucket is its level minus the previous level; the level before the
/// first bucket is the last total observed before it. When the item has no earlier observation at all, the bucket
/// of its first observation has no delta (NaN): the total it shows accumulated at unknown times before tracking
/// began (an item imported mid-life would otherwise show its whole history as one day's activity), and deltas
/// start from that first total.
/// A negative delta is a platform correction (spam removal, say): it is clamped to zero, counted in
/// <see cref="BucketedSeries.CorrectionCount"/>, and the lower level becomes the new baseline.
/// </para>
/// <para>
/// <b>Gauges.</b> A bucket's value is the mean or the last of its observations; buckets without observations
/// stay NaN (gauges are never interpolated).
/// </para>
/// </remarks>
public static class BucketedSeriesBuilder
{
    /// <summary>Returns the bucket boundaries covering a range: k buckets give k + 1 instants, ascending.</summary>
    /// <param name="range">The range.</param>
    /// <param name="bucket">The bucket width.</param>
    /// <param name="timeZone">The time zone whose calendar defines the buckets.</param>
    /// <returns>The boundaries; bucket i is [boundaries[i], boundaries[i + 1]).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="timeZone"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bucket"/> is not defined.</exception>
    public static DateTimeOffset[] Boundaries(TimeRange range, BucketSize bucket, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        var first = Floor(range.Start, bucket, timeZone);
        if (!timeZone.SupportsDaylightSavingTime || bucket == BucketSize.Hour)
        {
            // Fixed-length buckets: no calendar lookups needed.
            var step = bucket switch
            {
                BucketSize.Hour => TimeSpan.TicksPerHour,
                BucketSize.Day => TimeSpan.TicksPerDay,
                _ => 7 * TimeSpan.TicksPerDay,
            };
            var count = (int)((range.End.UtcTicks - first.UtcTicks + step - 1) / step);
            var fixedBoundaries = new DateTimeOffset[count + 1];
            for (var i = 0; i <= count; i++)
            {
                fixedBoundaries[i] = new DateTimeOffset(first.UtcTicks + (i * step), TimeSpan.Zero);
            }

            return fixedBoundaries;
        }

        var boundaries = new List<DateTimeOffset> { first };
        var current = first;
        while (current < range.End)
        {
            current = Next(current, bucket, timeZone);
            boundaries.Add(current);
        }

        return [.. boundaries];
    }

    /// <summary>Builds a counter series from the last observation of each bucket.</summary>
    /// <param name="query">The query the series answers.</param>
    /// <param name="boundaries">The boundaries from <see cref="Boundaries"/>.</param>
    /// <param name="lastInBucket">Per bucket, its last observation, or <see langword="null"/> when it has none.</param>
    /// <param name="before">The last observation before the first bucket, if any.</param>
    /// <param name="after">The first observation after the last bucket, if any.</param>
    /// <returns>The series of deltas.</returns>
    /// <exception cref="ArgumentException">The array lengths do not match.</exception>
    public static BucketedSeries Counter(
        SeriesQuery query,
        DateTimeOffset[] boundaries,
        IReadOnlyList<CounterObservation?> lastInBucket,
        CounterObservation? before,
        CounterObservation? after)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(boundaries);
        ArgumentNullException.ThrowIfNull(lastInBucket);
        var k = boundaries.Length - 1;
        if (lastInBucket.Count != k)
        {
            throw new ArgumentException($"Expected {k} buckets, got {lastInBucket.Count}.", nameof(lastInBucket));
        }

        var levels = new double[k];
        var interpolated = new bool[k];

        // Next known observation at or after each bucket, scanning from the end.
        var nextKnown = new CounterObservation?[k];
        var next = after;
        for (var i = k - 1; i >= 0; i--)
        {
            nextKnown[i] = next;
            if (lastInBucket[i] is { } observed)
            {
                next = observed;
            }
        }

        var previous = before;
        for (var i = 0; i < k; i++)
        {
            if (lastInBucket[i] is { } observed)
            {
                levels[i] = observed.Value;
                previous = observed;
            }
            else if (previous is { } a && nextKnown[i] is { } b)
            {
                var end = boundaries[i + 1];
                var fraction = (end - a.Timestamp).Ticks / (double)(b.Timestamp - a.Timestamp).Ticks;
                levels[i] = a.Value + ((b.Value - a.Value) * fraction);
                interpolated[i] = true;
            }
            else
            {
                levels[i] = double.NaN;
            }
        }

        var values = new double[k];
        var baseline = before?.Value ?? double.NaN;
        var corrections = 0;
        var correctionTotal = 0.0;
        for (var i = 0; i < k; i++)
        {
            if (double.IsNaN(levels[i]))
            {
                values[i] = double.NaN;
                continue;
            }

            if (double.IsNaN(baseline))
            {
                // The first observation ever: its total has no known start.
                values[i] = double.NaN;
                baseline = levels[i];
                continue;
            }

            var delta = levels[i] - baseline;
            if (delta < 0)
            {
                corrections++;
                correctionTotal -= delta;
                delta = 0;
            }

            values[i] = delta;
            baseline = levels[i];
        }

        return Create(query, boundaries, values, interpolated, corrections, correctionTotal);
    }

    /// <summary>Builds a gauge series from per-bucket values.</summary>
    /// <param name="query">The query the series answers.</param>
    /// <param name="boundaries">The boundaries from <see cref="Boundaries"/>.</param>
    /// <param name="values">Per bucket, the mean or last observation (as the query asks), NaN when it has none; copied.</param>
    /// <returns>The series.</returns>
    /// <exception cref="ArgumentException">The lengths do not match.</exception>
    public static BucketedSeries Gauge(SeriesQuery query, DateTimeOffset[] boundaries, ReadOnlySpan<double> values)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(boundaries);
        if (values.Length != boundaries.Length - 1)
        {
            throw new ArgumentException($"Expected {boundaries.Length - 1} buckets, got {values.Length}.", nameof(values));
        }

        return Create(query, boundaries, values.ToArray(), new bool[values.Length], 0, 0);
    }

    private static BucketedSeries Create(
        SeriesQuery query, DateTimeOffset[] boundaries, double[] values, bool[] interpolated, int corrections, double correctionTotal)
        => new(query.ContentId, query.Metric, query.Bucket, boundaries[..^1], boundaries[^1], values, interpolated, corrections, correctionTotal);

    private static DateTimeOffset Floor(DateTimeOffset instant, BucketSize bucket, TimeZoneInfo timeZone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, timeZone);
        var start = bucket switch
        {
            BucketSize.Hour => new DateTime(local.Year, local.Month, local.Day, local.Hour, 0, 0, DateTimeKind.Unspecified),
            BucketSize.Day => local.Date,
            BucketSize.Week => local.Date.AddDays(-(((int)local.DayOfWeek + 6) % 7)),
            _ => throw new ArgumentOutOfRangeException(nameof(bucket), bucket, "Unknown bucket size."),
        };

        if (bucket == BucketSize.Hour)
        {
            // Hours are fixed 3,600 s steps: floor in the local offset in force at the instant.
            return new DateTimeOffset(start, local.Offset).ToUniversalTime();
        }

        return ToInstant(start, timeZone);
    }

    private static DateTimeOffset Next(DateTimeOffset boundary, BucketSize bucket, TimeZoneInfo timeZone)
    {
        if (bucket == BucketSize.Hour)
        {
            return boundary.AddHours(1);
        }

        var local = TimeZoneInfo.ConvertTime(boundary, timeZone).DateTime.Date;
        return ToInstant(local.AddDays(bucket == BucketSize.Day ? 1 : 7), timeZone);
    }

    private static DateTimeOffset ToInstant(DateTime localMidnight, TimeZoneInfo timeZone)
    {
        var unspecified = DateTime.SpecifyKind(localMidnight, DateTimeKind.Unspecified);
        while (timeZone.IsInvalidTime(unspecified))
        {
            // Midnight skipped by a daylight-saving jump: the day starts at the first valid local time.
            unspecified = unspecified.AddMinutes(30);
        }

        return new DateTimeOffset(unspecified, timeZone.GetUtcOffset(unspecified)).ToUniversalTime();
    }
}
