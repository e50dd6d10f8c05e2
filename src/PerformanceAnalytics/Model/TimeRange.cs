namespace PerformanceAnalytics.Model;

/// <summary>A half-open time interval [<see cref="Start"/>, <see cref="End"/>).</summary>
public readonly record struct TimeRange
{
    /// <summary>Creates a half-open interval.</summary>
    /// <param name="start">The inclusive start.</param>
    /// <param name="end">The exclusive end; must be after <paramref name="start"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="end"/> is not after <paramref name="start"/>.</exception>
    public TimeRange(DateTimeOffset start, DateTimeOffset end)
    {
        if (end <= start)
        {
            throw new ArgumentException($"The end {end:O} must be after the start {start:O}.", nameof(end));
        }

        Start = start;
        End = end;
    }

    /// <summary>Gets the inclusive start.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>Gets the exclusive end.</summary>
    public DateTimeOffset End { get; }

    /// <summary>Gets the length of the interval.</summary>
    public TimeSpan Duration => End - Start;

    /// <summary>Returns whether an instant lies in [Start, End).</summary>
    /// <param name="instant">The instant.</param>
    /// <returns><see langword="true"/> when <c>Start ≤ instant &lt; End</c>.</returns>
    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;

    /// <summary>Returns the interval of the same length that ends where this one starts.</summary>
    /// <returns>[Start − Duration, Start).</returns>
    public TimeRange Previous() => new(Start - Duration, Start);

    /// <inheritdoc/>
    public override string ToString() => $"[{Start:O}, {End:O})";
}
