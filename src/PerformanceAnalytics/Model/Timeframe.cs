using System.Globalization;

namespace PerformanceAnalytics.Model;

/// <summary>
/// A period to analyse: a trailing window such as <c>"24h"</c>, <c>"7d"</c>, <c>"30d"</c>, <c>"90d"</c> or
/// <c>"1y"</c>, or a fixed half-open range.
/// </summary>
/// <remarks>
/// <para>
/// Trailing windows end at the current instant (exclusive) and are resolved with <see cref="Resolve(DateTimeOffset)"/>.
/// Units are <c>h</c> (hours), <c>d</c> (days), <c>w</c> (weeks) and <c>y</c> (365 days); <c>m</c> is rejected
/// because it is ambiguous between minutes and months.
/// </para>
/// <para>
/// A fixed range parses from two ISO 8601 instants separated by <c>/</c>, for example
/// <c>"2026-01-01T00:00:00Z/2026-02-01T00:00:00Z"</c>.
/// </para>
/// </remarks>
public sealed record Timeframe
{
    private const int MaxYears = 20;

    private Timeframe(string text, TimeSpan? length, TimeRange? range)
    {
        Text = text;
        Length = length;
        Range = range;
    }

    /// <summary>Gets the last 24 hours.</summary>
    public static Timeframe Last24Hours { get; } = Trailing(TimeSpan.FromHours(24), "24h");

    /// <summary>Gets the last 7 days.</summary>
    public static Timeframe Last7Days { get; } = Trailing(TimeSpan.FromDays(7), "7d");

    /// <summary>Gets the last 30 days.</summary>
    public static Timeframe Last30Days { get; } = Trailing(TimeSpan.FromDays(30), "30d");

    /// <summary>Gets the last 90 days.</summary>
    public static Timeframe Last90Days { get; } = Trailing(TimeSpan.FromDays(90), "90d");

    /// <summary>Gets the last 365 days.</summary>
    public static Timeframe LastYear { get; } = Trailing(TimeSpan.FromDays(365), "1y");

    /// <summary>Gets the text form, for example <c>"30d"</c>.</summary>
    public string Text { get; }

    /// <summary>Gets the length of a trailing window, or <see langword="null"/> for a fixed range.</summary>
    public TimeSpan? Length { get; }

    /// <summary>Gets the fixed range, or <see langword="null"/> for a trailing window.</summary>
    public TimeRange? Range { get; }

    /// <summary>Creates a fixed half-open range.</summary>
    /// <param name="range">The range.</param>
    /// <returns>The timeframe.</returns>
    public static Timeframe Fixed(TimeRange range)
        => new(FormattableString.Invariant($"{range.Start:O}/{range.End:O}"), null, range);

    /// <summary>Parses <c>"24h"</c>, <c>"7d"</c>, <c>"2w"</c>, <c>"1y"</c> … or <c>"start/end"</c> in ISO 8601.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The timeframe.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException"><paramref name="text"/> is not a timeframe; the message says why.</exception>
    public static Timeframe Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var result, out var error) ? result : throw new FormatException(error);
    }

    /// <summary>Tries to parse a timeframe.</summary>
    /// <param name="text">The text.</param>
    /// <param name="result">The timeframe, when parsing succeeds.</param>
    /// <param name="error">Why parsing failed, otherwise empty.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a timeframe.</returns>
    public static bool TryParse(string? text, out Timeframe result, out string error)
    {
        result = Last30Days;
        var s = (text ?? string.Empty).Trim();
        if (s.Length == 0)
        {
            error = "The timeframe is empty; use for example \"24h\", \"7d\", \"30d\", \"90d\", \"1y\" or \"start/end\" in ISO 8601.";
            return false;
        }

        var slash = s.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            var styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
            if (!DateTimeOffset.TryParse(s[..slash], CultureInfo.InvariantCulture, styles, out var start)
                || !DateTimeOffset.TryParse(s[(slash + 1)..], CultureInfo.InvariantCulture, styles, out var end))
            {
                error = $"The timeframe '{s}' is not two ISO 8601 instants separated by '/'.";
                return false;
            }

            if (end <= start)
            {
                error = $"The timeframe '{s}' ends before it starts; a range is [start, end) with start < end.";
                return false;
            }

            result = Fixed(new TimeRange(start, end));
            error = string.Empty;
            return true;
        }

        var unit = char.ToLowerInvariant(s[^1]);
        if (!int.TryParse(s.AsSpan(0, s.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
        {
            error = $"The timeframe '{s}' must be a positive whole number followed by a unit (h, d, w, y), for example \"7d\".";
            return false;
        }

        TimeSpan? length = unit switch
        {
            'h' => TimeSpan.FromHours(amount),
            'd' => TimeSpan.FromDays(amount),
            'w' => TimeSpan.FromDays(7.0 * amount),
            'y' when amount <= MaxYears => TimeSpan.FromDays(365.0 * amount),
            _ => null,
        };

        if (length is null || length > TimeSpan.FromDays(365.0 * MaxYears))
        {
            error = unit == 'm'
                ? $"The timeframe '{s}' uses 'm', which could mean minutes or months; use h, d, w or y."
                : $"The timeframe '{s}' has an unknown unit '{s[^1]}' or exceeds {MaxYears} years; use h, d, w or y.";
            return false;
        }

        result = Trailing(length.Value, string.Create(CultureInfo.InvariantCulture, $"{amount}{unit}"));
        error = string.Empty;
        return true;
    }

    /// <summary>Resolves the timeframe to a concrete range.</summary>
    /// <param name="now">The current instant (from <see cref="TimeProvider"/>); a trailing window ends here, exclusive.</param>
    /// <returns>The range.</returns>
    public TimeRange Resolve(DateTimeOffset now) => Range ?? new TimeRange(now - Length!.Value, now);

    /// <inheritdoc/>
    public override string ToString() => Text;

    private static Timeframe Trailing(TimeSpan length, string text) => new(text, length, null);
}
