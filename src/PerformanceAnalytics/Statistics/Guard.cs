namespace PerformanceAnalytics.Statistics;

/// <summary>Argument checks shared by the statistics functions, so every one reports bad input the same way.</summary>
internal static class Guard
{
    /// <summary>Throws when any element is NaN or infinite.</summary>
    public static void Finite(ReadOnlySpan<double> values, string paramName)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException($"Element {i} is {values[i]}; every value must be finite.", paramName);
            }
        }
    }

    /// <summary>Throws when a scalar is NaN or infinite.</summary>
    public static void Finite(double value, string paramName)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"The value {value} is not finite.", paramName);
        }
    }

    /// <summary>Throws when two paired samples differ in length.</summary>
    public static void SameLength(ReadOnlySpan<double> x, ReadOnlySpan<double> y, string paramName)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException($"The samples must have the same length, but have {x.Length} and {y.Length}.", paramName);
        }
    }

    /// <summary>Throws when a probability-like level is not strictly inside (0, 1).</summary>
    public static void OpenUnitInterval(double value, string paramName)
    {
        if (!(value > 0 && value < 1))
        {
            throw new ArgumentOutOfRangeException(paramName, value, "The value must lie strictly between 0 and 1.");
        }
    }
}
