using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PerformanceAnalytics.Caching;
using PerformanceAnalytics.Diagnostics;
using PerformanceAnalytics.Model;
using PerformanceAnalytics.Statistics;
using PerformanceAnalytics.Storage;

namespace PerformanceAnalytics.Analysis;

/// <summary>
/// Validates and stores snapshots, and reads content summaries, platform metrics and anomalies through the store,
/// caching results until new data for the same content or platform arrives.
/// </summary>
internal sealed class EngagementTracker : IEngagementTracker
{
    private const double DefaultZThreshold = 3.0;
    private const double DefaultModifiedZThreshold = 3.5;

    private readonly IEngagementStore _store;
    private readonly PerformanceAnalyticsOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly AnalyticsCache _cache;
    private readonly PerformanceAnalyticsMetrics _metrics;
    private readonly ILogger _logger;
    private readonly SnapshotValidator _validator;
    private readonly TimeZoneInfo _timeZone;

    public EngagementTracker(
        IEngagementStore store,
        IOptions<PerformanceAnalyticsOptions> options,
        TimeProvider timeProvider,
        AnalyticsCache cache,
        PerformanceAnalyticsMetrics metrics,
        ILogger<EngagementTracker>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _options = options.Value;
        _timeProvider = timeProvider;
        _cache = cache;
        _metrics = metrics;
        _logger = logger ?? NullLogger<EngagementTracker>.Instance;
        _validator = new SnapshotValidator(_options);
        _timeZone = TimeZoneInfo.FindSystemTimeZoneById(_options.TimeZone);
    }

    /// <inheritdoc/>
    public async ValueTask<TrackingResult> TrackAsync(TrackingRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<TrackingError>();
        var snapshot = _validator.Validate(request, 0, _timeProvider.GetUtcNow(), errors);
        if (snapshot is not null)
        {
            await CheckPlatformsAsync([snapshot], errors, cancellationToken).ConfigureAwait(false);
        }

        if (errors.Count > 0)
        {
            _metrics.SnapshotsRejected.Add(1);
            throw new ArgumentException(string.Join(" ", errors.Select(e => $"{e.Field}: {e.Reason}")), nameof(request));
        }

        var result = await _store.AppendAsync([snapshot!], cancellationToken).ConfigureAwait(false);
        Record(result);
        _cache.Invalidate(snapshot!.TenantId, snapshot.ContentId, snapshot.Platform);
        return new TrackingResult(snapshot, result.Inserted == 0);
    }

    /// <inheritdoc/>
    public async ValueTask<BatchTrackingResult> TrackBatchAsync(
        IReadOnlyList<TrackingRequest> requests, BatchMode mode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        if (requests.Count > _options.MaxBatchSize)
        {
            throw new ArgumentException($"The batch has {requests.Count} items; at most {_options.MaxBatchSize} are allowed (MaxBatchSize).", nameof(requests));
        }

        var now = _timeProvider.GetUtcNow();
        var errors = new List<TrackingError>();
        var snapshots = new EngagementSnapshot?[requests.Count];
        for (var i = 0; i < requests.Count; i++)
        {
            snapshots[i] = _validator.Validate(requests[i], i, now, errors);
        }

        var valid = snapshots.OfType<EngagementSnapshot>().ToList();
        var platformErrors = new List<TrackingError>();
        await CheckPlatformsAsync(valid, platformErrors, cancellationToken).ConfigureAwait(false);
        foreach (var error in platformErrors)
        {
            var index = Array.IndexOf(snapshots, valid[error.Index]);
            snapshots[index] = null;
            errors.Add(error with { Index = index });
        }

        errors.Sort(static (a, b) => a.Index.CompareTo(b.Index));
        _metrics.SnapshotsRejected.Add(errors.Select(e => e.Index).Distinct().Count());
        if (mode == BatchMode.AllOrNothing && errors.Count > 0)
        {
            Log.BatchRejected(_logger, requests.Count, errors.Count);
            return new BatchTrackingResult(0, 0, new string?[requests.Count], errors);
        }

        valid = snapshots.OfType<EngagementSnapshot>().ToList();
        var result = valid.Count == 0 ? default : await _store.AppendAsync(valid, cancellationToken).ConfigureAwait(false);
        Record(result);
        foreach (var scope in valid.Select(s => (s.TenantId, s.ContentId, s.Platform)).Distinct())
        {
            _cache.Invalidate(scope.TenantId, scope.ContentId, scope.Platform);
        }

        Log.BatchTracked(_logger, result.Inserted, result.Duplicates, errors.Count);
        return new BatchTrackingResult(result.Inserted, result.Duplicates, snapshots.Select(s => s?.SnapshotId).ToArray(), errors);
    }

    /// <inheritdoc/>
    public ValueTask<EngagementSummary?> GetSummaryAsync(ContentSummaryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentException.ThrowIfNullOrWhiteSpace(query.ContentId, nameof(query));
        return _cache.GetOrCreateAsync(
            ("summary", query.TenantId, query.ContentId, query.Timeframe.Text),
            [AnalyticsCache.Scope.ForContent(query.TenantId, query.ContentId)],
            ct => ComputeSummaryAsync(query, ct),
            cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<PlatformMetrics> GetPlatformMetricsAsync(PlatformMetricsQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return _cache.GetOrCreateAsync(
            ("platform", query.TenantId, query.Platform.Key, query.Timeframe.Text),
            [AnalyticsCache.Scope.ForPlatform(query.TenantId, query.Platform)],
            ct => ComputePlatformMetricsAsync(query, ct),
            cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<AnomalyReport> DetectAnomaliesAsync(AnomalyQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentException.ThrowIfNullOrWhiteSpace(query.ContentId, nameof(query));
        if (query.Threshold is { } t && !(t > 0 && double.IsFinite(t)))
        {
            throw new ArgumentException($"The threshold {t.ToString(CultureInfo.InvariantCulture)} must be a positive number.", nameof(query));
        }

        return _cache.GetOrCreateAsync(
            ("anomalies", query.TenantId, query.ContentId, query.Metric.Id, query.Timeframe.Text, query.Method, query.Threshold),
            [AnalyticsCache.Scope.ForContent(query.TenantId, query.ContentId)],
            ct => ComputeAnomaliesAsync(query, ct),
            cancellationToken);
    }

    internal TimeZoneInfo TimeZone => _timeZone;

    private async Task<EngagementSummary?> ComputeSummaryAsync(ContentSummaryQuery query, CancellationToken cancellationToken)
    {
        var latestList = await _store.GetLatestAsync(new SnapshotQuery(query.TenantId) { ContentIds = [query.ContentId] }, cancellationToken).ConfigureAwait(false);
        if (latestList.Count == 0)
        {
            return null;
        }

        var latest = latestList[0];
        var range = query.Timeframe.Resolve(_timeProvider.GetUtcNow());
        var previous = range.Previous();
        var activity = new List<MetricComparison>();
        var daily = new List<BucketedSeries>();
        var currentTotals = new double[Metric.Count];
        currentTotals.AsSpan().Fill(double.NaN);
        foreach (var (metric, _) in latest.Metrics)
        {
            var current = await _store.GetSeriesAsync(Series(query.TenantId, query.ContentId, metric, range), cancellationToken).ConfigureAwait(false);
            var before = await _store.GetSeriesAsync(Series(query.TenantId, query.ContentId, metric, previous), cancellationToken).ConfigureAwait(false);
            var currentValue = metric.IsCounter ? SumKnown(current.Values) : MeanKnown(current.Values);
            var previousValue = metric.IsCounter ? SumKnown(before.Values) : MeanKnown(before.Values);
            currentTotals[metric.Id] = currentValue;
            activity.Add(MetricComparison.Create(metric, currentValue, previousValue));
            if (metric.IsCounter)
            {
                daily.Add(current);
            }
        }

        var basis = SnapshotValidator.BasisMetric(_options.GetPlatformOptions(latest.Platform)?.EngagementRateBasis ?? EngagementRateBasis.Views);
        var rate = EngagementRateFormula.Compute(MetricValues.FromDense(currentTotals), basis, "ratio of the period's totals");
        return new EngagementSummary(query.ContentId, latest.Platform, range, latest.Timestamp, latest.Metrics, activity, daily, rate);
    }

    private async Task<PlatformMetrics> ComputePlatformMetricsAsync(PlatformMetricsQuery query, CancellationToken cancellationToken)
    {
        var range = query.Timeframe.Resolve(_timeProvider.GetUtcNow());
        var previousRange = range.Previous();
        var current = await AggregateAsync(query, range, cancellationToken).ConfigureAwait(false);
        var previous = await AggregateAsync(query, previousRange, cancellationToken).ConfigureAwait(false);
        var comparisons = new List<MetricComparison>();
        foreach (var metric in Metric.Catalogue)
        {
            var c = current?.Values[metric] ?? double.NaN;
            var p = previous?.Values[metric] ?? double.NaN;
            if (!double.IsNaN(c) || !double.IsNaN(p))
            {
                comparisons.Add(MetricComparison.Create(metric, c, p));
            }
        }

        var basis = SnapshotValidator.BasisMetric(_options.GetPlatformOptions(query.Platform)?.EngagementRateBasis ?? EngagementRateBasis.Views);
        const string Aggregation = "ratio of totals across content";
        return new PlatformMetrics(
            query.Platform,
            range,
            previousRange,
            current?.ContentCount ?? 0,
            previous?.ContentCount ?? 0,
            current?.SnapshotCount ?? 0,
            comparisons,
            current is null ? null : EngagementRateFormula.Compute(current.Values, basis, Aggregation),
            previous is null ? null : EngagementRateFormula.Compute(previous.Values, basis, Aggregation));
    }

    private async Task<AnomalyReport> ComputeAnomaliesAsync(AnomalyQuery query, CancellationToken cancellationToken)
    {
        var range = query.Timeframe.Resolve(_timeProvider.GetUtcNow());
        var series = await _store.GetSeriesAsync(Series(query.TenantId, query.ContentId, query.Metric, range), cancellationToken).ConfigureAwait(false);
        var threshold = query.Threshold ?? (query.Method == AnomalyMethod.ZScore ? DefaultZThreshold : DefaultModifiedZThreshold);
        var known = new List<int>(series.Values.Length);
        for (var i = 0; i < series.Values.Length; i++)
        {
            if (!double.IsNaN(series.Values[i]))
            {
                known.Add(i);
            }
        }

        var widened = new TimeRange(series.BucketStarts.Length > 0 ? series.BucketStarts[0] : range.Start, series.End);
        if (known.Count < _options.MinimumDataPoints)
        {
            return new AnomalyReport(query.ContentId, query.Metric, widened, query.Method, threshold, AnalysisStatus.InsufficientData, known.Count, []);
        }

        var values = known.Select(i => series.Values[i]).ToArray();
        var result = query.Method == AnomalyMethod.ZScore
            ? Anomalies.ZScore(values, threshold)
            : Anomalies.ModifiedZScore(values, threshold);
        var undefined = result.Scores.All(double.IsNaN);
        var anomalies = result.Indices
            .Select(i => new DetectedAnomaly(series.BucketStarts[known[i]], values[i], result.Scores[i]))
            .ToArray();
        return new AnomalyReport(
            query.ContentId, query.Metric, widened, query.Method, threshold,
            undefined ? AnalysisStatus.InsufficientData : AnalysisStatus.Completed, known.Count, anomalies);
    }

    private async Task<PlatformAggregate?> AggregateAsync(PlatformMetricsQuery query, TimeRange range, CancellationToken cancellationToken)
    {
        var aggregates = await _store.GetPlatformAggregatesAsync(
            new PlatformAggregateQuery(query.TenantId, range) { Platforms = [query.Platform] }, cancellationToken).ConfigureAwait(false);
        return aggregates.FirstOrDefault(a => a.Platform == query.Platform);
    }

    private SeriesQuery Series(string tenantId, string contentId, Metric metric, TimeRange range)
        => new(tenantId, contentId, metric, range, BucketSize.Day) { TimeZone = _timeZone };

    /// <summary>Rejects snapshots whose content id is tracked on another platform, in the store or earlier in the batch.</summary>
    private async Task CheckPlatformsAsync(List<EngagementSnapshot> snapshots, List<TrackingError> errors, CancellationToken cancellationToken)
    {
        var known = new Dictionary<(string Tenant, string Content), Platform>();
        foreach (var tenantGroup in snapshots.GroupBy(s => s.TenantId, StringComparer.Ordinal))
        {
            var ids = tenantGroup.Select(s => s.ContentId).Distinct(StringComparer.Ordinal).ToArray();
            var latest = await _store.GetLatestAsync(
                new SnapshotQuery(tenantGroup.Key) { ContentIds = ids, Metrics = [] }, cancellationToken).ConfigureAwait(false);
            foreach (var snapshot in latest)
            {
                known[(tenantGroup.Key, snapshot.ContentId)] = snapshot.Platform;
            }
        }

        for (var i = 0; i < snapshots.Count; i++)
        {
            var s = snapshots[i];
            if (known.TryGetValue((s.TenantId, s.ContentId), out var platform))
            {
                if (platform != s.Platform)
                {
                    errors.Add(new TrackingError(i, nameof(TrackingRequest.Platform), $"Content '{s.ContentId}' is tracked on '{platform}', not '{s.Platform}'; content ids are unique within a tenant."));
                }
            }
            else
            {
                known[(s.TenantId, s.ContentId)] = s.Platform;
            }
        }
    }

    private void Record(AppendResult result)
    {
        _metrics.SnapshotsStored.Add(result.Inserted);
        _metrics.SnapshotsDuplicate.Add(result.Duplicates);
    }

    private static double SumKnown(double[] values)
    {
        var sum = 0.0;
        var any = false;
        foreach (var v in values)
        {
            if (!double.IsNaN(v))
            {
                sum += v;
                any = true;
            }
        }

        return any ? sum : double.NaN;
    }

    private static double MeanKnown(double[] values)
    {
        var sum = 0.0;
        var count = 0;
        foreach (var v in values)
        {
            if (!double.IsNaN(v))
            {
                sum += v;
                count++;
            }
        }

        return count == 0 ? double.NaN : sum / count;
    }
}
