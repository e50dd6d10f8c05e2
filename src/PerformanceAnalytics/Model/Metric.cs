using System.Diagnostics.CodeAnalysis;

namespace PerformanceAnalytics.Model;

/// <summary>A metric of the catalogue: its name, kind and unit.</summary>
/// <remarks>
/// Names are snake_case (<c>"watch_time"</c>). <see cref="TryParse(string?, out Metric)"/> is case-insensitive and
/// also accepts the name without underscores (<c>"watchtime"</c>) or in camel case (<c>"watchTime"</c>).
/// </remarks>
public readonly struct Metric : IEquatable<Metric>
{
    private static readonly Metric[] _all =
    [
        new(0, "views", MetricKind.Counter, MetricUnit.Count),
        new(1, "likes", MetricKind.Counter, MetricUnit.Count),
        new(2, "comments", MetricKind.Counter, MetricUnit.Count),
        new(3, "shares", MetricKind.Counter, MetricUnit.Count),
        new(4, "saves", MetricKind.Counter, MetricUnit.Count),
        new(5, "impressions", MetricKind.Counter, MetricUnit.Count),
        new(6, "reach", MetricKind.Counter, MetricUnit.Count),
        new(7, "clicks", MetricKind.Counter, MetricUnit.Count),
        new(8, "watch_time", MetricKind.Counter, MetricUnit.Seconds),
        new(9, "average_view_duration", MetricKind.Gauge, MetricUnit.Seconds),
        new(10, "completion_rate", MetricKind.Gauge, MetricUnit.Ratio),
        new(11, "engagement_rate", MetricKind.Gauge, MetricUnit.Ratio),
        new(12, "followers_gained", MetricKind.Counter, MetricUnit.Count),
    ];

    private Metric(int id, string name, MetricKind kind, MetricUnit unit)
    {
        Id = id;
        Name = name;
        Kind = kind;
        Unit = unit;
    }

    /// <summary>Gets the number of metrics in the catalogue.</summary>
    public static int Count => _all.Length;

    /// <summary>Gets every metric of the catalogue, ordered by <see cref="Id"/>.</summary>
    public static IReadOnlyList<Metric> Catalogue => _all;

    /// <summary>Gets views (counter).</summary>
    public static Metric Views => _all[0];

    /// <summary>Gets likes (counter).</summary>
    public static Metric Likes => _all[1];

    /// <summary>Gets comments (counter).</summary>
    public static Metric Comments => _all[2];

    /// <summary>Gets shares (counter).</summary>
    public static Metric Shares => _all[3];

    /// <summary>Gets saves (counter).</summary>
    public static Metric Saves => _all[4];

    /// <summary>Gets impressions (counter).</summary>
    public static Metric Impressions => _all[5];

    /// <summary>Gets reach, unique accounts reached (counter).</summary>
    public static Metric Reach => _all[6];

    /// <summary>Gets clicks (counter).</summary>
    public static Metric Clicks => _all[7];

    /// <summary>Gets total watch time in seconds (counter).</summary>
    public static Metric WatchTime => _all[8];

    /// <summary>Gets average view duration in seconds (gauge).</summary>
    public static Metric AverageViewDuration => _all[9];

    /// <summary>Gets completion rate, a ratio (gauge).</summary>
    public static Metric CompletionRate => _all[10];

    /// <summary>Gets engagement rate, a ratio (gauge); derived per platform when not supplied.</summary>
    public static Metric EngagementRate => _all[11];

    /// <summary>Gets followers gained through the content, a lifetime total (counter).</summary>
    public static Metric FollowersGained => _all[12];

    /// <summary>Gets the dense index of the metric in the catalogue, 0 to <see cref="Count"/> − 1.</summary>
    public int Id { get; }

    /// <summary>Gets the snake_case name.</summary>
    public string Name { get; }

    /// <summary>Gets the kind.</summary>
    public MetricKind Kind { get; }

    /// <summary>Gets the unit.</summary>
    public MetricUnit Unit { get; }

    /// <summary>Gets a value indicating whether the metric is a counter.</summary>
    public bool IsCounter => Kind == MetricKind.Counter;

    /// <summary>Returns the metric with the given dense index.</summary>
    /// <param name="id">The index.</param>
    /// <returns>The metric.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="id"/> is not in the catalogue.</exception>
    public static Metric FromId(int id)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(id);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(id, _all.Length);
        return _all[id];
    }

    /// <summary>Parses a metric name.</summary>
    /// <param name="name">The name, case-insensitive; underscores optional.</param>
    /// <returns>The metric.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException"><paramref name="name"/> is not in the catalogue; the message lists the known names.</exception>
    public static Metric Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return TryParse(name, out var metric)
            ? metric
            : throw new FormatException($"Unknown metric '{name}'. Known metrics: {string.Join(", ", _all.Select(m => m.Name))}.");
    }

    /// <summary>Tries to parse a metric name.</summary>
    /// <param name="name">The name, case-insensitive; underscores optional.</param>
    /// <param name="metric">The metric, when found.</param>
    /// <returns><see langword="true"/> when <paramref name="name"/> names a catalogue metric.</returns>
    public static bool TryParse([NotNullWhen(true)] string? name, out Metric metric)
    {
        metric = default;
        if (string.IsNullOrWhiteSpace(name))
        {
            return false;
        }

        var span = name.AsSpan().Trim();
        foreach (var candidate in _all)
        {
            if (span.Equals(candidate.Name, StringComparison.OrdinalIgnoreCase) || EqualsIgnoringUnderscores(span, candidate.Name))
            {
                metric = candidate;
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc/>
    public bool Equals(Metric other) => Id == other.Id && Name == other.Name;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Metric other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Id;

    /// <summary>Returns the name.</summary>
    /// <returns>The snake_case name.</returns>
    public override string ToString() => Name ?? string.Empty;

    /// <summary>Compares two metrics.</summary>
    /// <param name="left">The first metric.</param>
    /// <param name="right">The second metric.</param>
    /// <returns><see langword="true"/> when they are the same metric.</returns>
    public static bool operator ==(Metric left, Metric right) => left.Equals(right);

    /// <summary>Compares two metrics.</summary>
    /// <param name="left">The first metric.</param>
    /// <param name="right">The second metric.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(Metric left, Metric right) => !left.Equals(right);

    private static bool EqualsIgnoringUnderscores(ReadOnlySpan<char> input, string name)
    {
        var j = 0;
        foreach (var c in input)
        {
            if (c == '_')
            {
                continue;
            }

            while (j < name.Length && name[j] == '_')
            {
                j++;
            }

            if (j >= name.Length || char.ToLowerInvariant(c) != name[j])
            {
                return false;
            }

            j++;
        }

        while (j < name.Length && name[j] == '_')
        {
            j++;
        }

        return j == name.Length;
    }
}
