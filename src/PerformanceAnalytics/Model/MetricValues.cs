using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace PerformanceAnalytics.Model;

/// <summary>
/// An immutable set of metric values from one observation: at most one value per catalogue metric.
/// </summary>
/// <remarks>
/// Stored densely by <see cref="Metric.Id"/>, so reading a value is an array access. Construction checks
/// nothing beyond the metric names; <c>EngagementTracker</c> validates values (finite, non-negative counters,
/// ratios in range) before anything is stored.
/// </remarks>
[SuppressMessage("Naming", "CA1710:Identifiers should have correct suffix", Justification = "The values of one observation read better as MetricValues than as a collection.")]
public sealed class MetricValues : IReadOnlyCollection<KeyValuePair<Metric, double>>
{
    private readonly double[] _values;
    private readonly int _count;

    private MetricValues(double[] values)
    {
        _values = values;
        foreach (var v in values)
        {
            if (!double.IsNaN(v))
            {
                _count++;
            }
        }
    }

    /// <summary>Gets an empty set.</summary>
    public static MetricValues Empty { get; } = new(CreateBuffer());

    /// <summary>Gets the number of metrics present.</summary>
    public int Count => _count;

    /// <summary>Gets the value of a metric.</summary>
    /// <param name="metric">The metric.</param>
    /// <returns>The value, or <see cref="double.NaN"/> when the metric is absent.</returns>
    public double this[Metric metric] => _values[metric.Id];

    /// <summary>Creates a set from metric names and values.</summary>
    /// <param name="values">Pairs of metric name (see <see cref="Metric.TryParse(string?, out Metric)"/>) and value.</param>
    /// <returns>The set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A name is not a catalogue metric, or names the same metric twice.</exception>
    public static MetricValues From(IEnumerable<KeyValuePair<string, double>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var buffer = CreateBuffer();
        var seen = new bool[Metric.Count];
        foreach (var (name, value) in values)
        {
            if (!Metric.TryParse(name, out var metric))
            {
                throw new ArgumentException(
                    $"Unknown metric '{name}'. Known metrics: {string.Join(", ", Metric.Catalogue.Select(m => m.Name))}.",
                    nameof(values));
            }

            if (seen[metric.Id])
            {
                throw new ArgumentException($"The metric '{metric.Name}' is given more than once (as '{name}').", nameof(values));
            }

            seen[metric.Id] = true;
            buffer[metric.Id] = value;
        }

        return new MetricValues(buffer);
    }

    /// <summary>Creates a set from metrics and values.</summary>
    /// <param name="values">Pairs of metric and value; a NaN value means absent.</param>
    /// <returns>The set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A metric is given twice.</exception>
    public static MetricValues From(IEnumerable<KeyValuePair<Metric, double>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var buffer = CreateBuffer();
        var seen = new bool[Metric.Count];
        foreach (var (metric, value) in values)
        {
            if (seen[metric.Id])
            {
                throw new ArgumentException($"The metric '{metric.Name}' is given more than once.", nameof(values));
            }

            seen[metric.Id] = true;
            buffer[metric.Id] = value;
        }

        return new MetricValues(buffer);
    }

    /// <summary>Creates a set from a dense array indexed by <see cref="Metric.Id"/>, NaN meaning absent.</summary>
    /// <param name="dense">The values; copied.</param>
    /// <returns>The set.</returns>
    /// <exception cref="ArgumentException"><paramref name="dense"/> does not have <see cref="Metric.Count"/> elements.</exception>
    public static MetricValues FromDense(ReadOnlySpan<double> dense)
    {
        if (dense.Length != Metric.Count)
        {
            throw new ArgumentException($"A dense metric array has {Metric.Count} elements, not {dense.Length}.", nameof(dense));
        }

        return new MetricValues(dense.ToArray());
    }

    /// <summary>Returns whether the metric is present.</summary>
    /// <param name="metric">The metric.</param>
    /// <returns><see langword="true"/> when a value is present.</returns>
    public bool Contains(Metric metric) => !double.IsNaN(_values[metric.Id]);

    /// <summary>Tries to read a metric's value.</summary>
    /// <param name="metric">The metric.</param>
    /// <param name="value">The value, when present.</param>
    /// <returns><see langword="true"/> when a value is present.</returns>
    public bool TryGetValue(Metric metric, out double value)
    {
        value = _values[metric.Id];
        return !double.IsNaN(value);
    }

    /// <summary>Returns a copy with one metric set (or removed, for NaN).</summary>
    /// <param name="metric">The metric.</param>
    /// <param name="value">The value; NaN removes the metric.</param>
    /// <returns>A new set.</returns>
    public MetricValues With(Metric metric, double value)
    {
        var copy = (double[])_values.Clone();
        copy[metric.Id] = value;
        return new MetricValues(copy);
    }

    /// <summary>Copies the dense values (NaN = absent) into <paramref name="destination"/>.</summary>
    /// <param name="destination">A span of at least <see cref="Metric.Count"/> elements.</param>
    public void CopyTo(Span<double> destination) => _values.CopyTo(destination);

    /// <summary>Returns the present metrics as a name → value dictionary.</summary>
    /// <returns>A new dictionary keyed by snake_case names.</returns>
    public Dictionary<string, double> ToDictionary()
    {
        var result = new Dictionary<string, double>(_count, StringComparer.Ordinal);
        foreach (var (metric, value) in this)
        {
            result[metric.Name] = value;
        }

        return result;
    }

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<Metric, double>> GetEnumerator()
    {
        for (var i = 0; i < _values.Length; i++)
        {
            if (!double.IsNaN(_values[i]))
            {
                yield return new KeyValuePair<Metric, double>(Metric.FromId(i), _values[i]);
            }
        }
    }

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal ReadOnlySpan<double> Dense => _values;

    private static double[] CreateBuffer()
    {
        var buffer = new double[Metric.Count];
        buffer.AsSpan().Fill(double.NaN);
        return buffer;
    }
}
