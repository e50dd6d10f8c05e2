using System.Globalization;
using PerformanceAnalytics.Model;
using PerformanceAnalytics.Storage;

namespace PerformanceAnalytics.Analysis;

/// <summary>Turns a <see cref="TrackingRequest"/> into an <see cref="EngagementSnapshot"/>, or says what is wrong with it.</summary>
internal sealed class SnapshotValidator(PerformanceAnalyticsOptions options)
{
    public const int MaxIdLength = 256;
    public const string EngagementRateFormulaKey = "pa.engagement_rate.formula";

    /// <summary>The earliest plausible observation: before any supported platform existed.</summary>
    private static readonly DateTimeOffset _earliest = new(2004, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public EngagementSnapshot? Validate(TrackingRequest? request, int index, DateTimeOffset now, List<TrackingError> errors)
    {
        if (request is null)
        {
            errors.Add(new TrackingError(index, "request", "The item is null."));
            return null;
        }

        var before = errors.Count;
        CheckId(request.ContentId, nameof(request.ContentId), index, errors);
        CheckId(request.TenantId, nameof(request.TenantId), index, errors);
        if (request.SnapshotId is not null)
        {
            CheckId(request.SnapshotId, nameof(request.SnapshotId), index, errors);
        }

        var platform = default(Platform);
        if (!Platform.TryParse(request.Platform, out platform))
        {
            errors.Add(new TrackingError(index, nameof(request.Platform), $"'{request.Platform}' is not a platform name."));
        }
        else if (options.GetPlatformOptions(platform) is null)
        {
            errors.Add(new TrackingError(
                index,
                nameof(request.Platform),
                $"The platform '{platform}' is not configured; configured: {string.Join(", ", options.Platforms.Keys)}."));
        }

        var timestamp = request.Timestamp ?? now;
        if (timestamp > now + options.MaxClockSkew)
        {
            errors.Add(new TrackingError(
                index,
                nameof(request.Timestamp),
                $"{timestamp:O} is {(timestamp - now).TotalMinutes:F1} minutes in the future; at most {options.MaxClockSkew.TotalMinutes:F1} are allowed."));
        }
        else if (timestamp < _earliest)
        {
            errors.Add(new TrackingError(index, nameof(request.Timestamp), $"{timestamp:O} is before {_earliest:yyyy-MM-dd}, which no platform's data can be."));
        }

        var metrics = ValidateMetrics(request.Metrics, index, errors);
        ValidateMetadata(request.Metadata, index, errors);
        if (errors.Count > before || metrics is null)
        {
            return null;
        }

        var metadata = request.Metadata ?? EngagementSnapshot.EmptyMetadata;
        if (!metrics.Contains(Metric.EngagementRate)
            && options.GetPlatformOptions(platform) is { } platformOptions
            && EngagementRateFormula.Compute(metrics, BasisMetric(platformOptions.EngagementRateBasis), "per snapshot") is { } rate)
        {
            metrics = metrics.With(Metric.EngagementRate, rate.Value);
            metadata = new Dictionary<string, string>(metadata, StringComparer.Ordinal) { [EngagementRateFormulaKey] = rate.Formula.ToString() };
        }

        return new EngagementSnapshot(request.SnapshotId ?? Guid.CreateVersion7(now).ToString("N"), request.ContentId, platform, timestamp, metrics)
        {
            TenantId = request.TenantId,
            Metadata = metadata,
        };
    }

    public static Metric BasisMetric(EngagementRateBasis basis) => basis switch
    {
        EngagementRateBasis.Reach => Metric.Reach,
        EngagementRateBasis.Impressions => Metric.Impressions,
        _ => Metric.Views,
    };

    private static void CheckId(string? id, string field, int index, List<TrackingError> errors)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            errors.Add(new TrackingError(index, field, "The id is empty."));
        }
        else if (id.Length > MaxIdLength)
        {
            errors.Add(new TrackingError(index, field, $"The id has {id.Length} characters; at most {MaxIdLength} are allowed."));
        }
        else if (id.Any(char.IsControl))
        {
            errors.Add(new TrackingError(index, field, "The id contains control characters."));
        }
        else if (EngagementStoreGuard.IndexOfUnstorable(id) is var at and >= 0)
        {
            errors.Add(new TrackingError(index, field, Unstorable(id, at)));
        }
    }

    private static string Unstorable(string text, int at) => $"The text holds {EngagementStoreGuard.DescribeUnstorable(text, at)}.";

    private static MetricValues? ValidateMetrics(IReadOnlyDictionary<string, double>? metrics, int index, List<TrackingError> errors)
    {
        if (metrics is null || metrics.Count == 0)
        {
            errors.Add(new TrackingError(index, "Metrics", "At least one metric is required."));
            return null;
        }

        var before = errors.Count;
        var dense = new double[Metric.Count];
        dense.AsSpan().Fill(double.NaN);
        foreach (var (name, value) in metrics)
        {
            var field = string.Create(CultureInfo.InvariantCulture, $"Metrics[{name}]");
            if (!Metric.TryParse(name, out var metric))
            {
                errors.Add(new TrackingError(index, field, $"Unknown metric. Known metrics: {string.Join(", ", Metric.Catalogue.Select(m => m.Name))}."));
                continue;
            }

            if (!double.IsNaN(dense[metric.Id]))
            {
                errors.Add(new TrackingError(index, field, $"The metric '{metric.Name}' is given twice."));
                continue;
            }

            if (!double.IsFinite(value))
            {
                errors.Add(new TrackingError(index, field, $"The value {value.ToString(CultureInfo.InvariantCulture)} is not a finite number."));
            }
            else if (value < 0)
            {
                errors.Add(new TrackingError(index, field, $"The value {value.ToString(CultureInfo.InvariantCulture)} is negative; {(metric.IsCounter ? "counters are lifetime totals" : "this metric")} cannot be."));
            }
            else if (metric == Metric.CompletionRate && value > 1)
            {
                errors.Add(new TrackingError(index, field, $"The completion rate {value.ToString(CultureInfo.InvariantCulture)} is above 1; give it as a ratio (0.42 for 42 %)."));
            }
            else
            {
                dense[metric.Id] = value;
            }
        }

        return errors.Count > before ? null : MetricValues.FromDense(dense);
    }

    private void ValidateMetadata(IReadOnlyDictionary<string, string>? metadata, int index, List<TrackingError> errors)
    {
        if (metadata is null)
        {
            return;
        }

        if (metadata.Count > options.MaxMetadataEntries)
        {
            errors.Add(new TrackingError(index, "Metadata", $"{metadata.Count} entries; at most {options.MaxMetadataEntries} are allowed."));
            return;
        }

        foreach (var (key, value) in metadata)
        {
            if (string.IsNullOrWhiteSpace(key))
            {
                errors.Add(new TrackingError(index, "Metadata", "A metadata key is empty."));
            }
            else if (key.Length + (value?.Length ?? 0) > options.MaxMetadataEntryLength)
            {
                errors.Add(new TrackingError(index, $"Metadata[{key}]", $"The entry has {key.Length + (value?.Length ?? 0)} characters; at most {options.MaxMetadataEntryLength} are allowed."));
            }
            else if (value is null)
            {
                errors.Add(new TrackingError(index, $"Metadata[{key}]", "The value is null."));
            }
            else if (EngagementStoreGuard.IndexOfUnstorable(key) is var inKey and >= 0)
            {
                errors.Add(new TrackingError(index, "Metadata", $"A metadata key cannot be stored: {Unstorable(key, inKey)}"));
            }
            else if (EngagementStoreGuard.IndexOfUnstorable(value) is var inValue and >= 0)
            {
                errors.Add(new TrackingError(index, $"Metadata[{key}]", Unstorable(value, inValue)));
            }
        }
    }
}
