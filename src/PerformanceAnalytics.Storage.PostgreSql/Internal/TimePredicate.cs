using Npgsql;
using NpgsqlTypes;

namespace PerformanceAnalytics.Storage.PostgreSql.Internal;

/// <summary>
/// Builds exact comparisons of a (timestamp, tick) column pair with an instant. The timestamp comparison comes
/// first so that an index on the timestamp column can serve it; the tick refines it only at equal microseconds.
/// </summary>
internal static class TimePredicate
{
    /// <summary>Returns "column ≥ instant" and adds its parameters.</summary>
    internal static string AtOrAfter(NpgsqlParameterCollection parameters, string column, string tickColumn, DateTimeOffset instant, string name)
    {
        var (utc, tick) = SqlValues.Split(instant);
        parameters.Add(new NpgsqlParameter<DateTime>(name, NpgsqlDbType.TimestampTz) { TypedValue = utc });
        if (tick == 0)
        {
            return $"{column} >= @{name}";
        }

        parameters.Add(new NpgsqlParameter<short>(name + "_tick", NpgsqlDbType.Smallint) { TypedValue = tick });
        return $"({column} >= @{name} AND ({column} <> @{name} OR {tickColumn} >= @{name}_tick))";
    }

    /// <summary>Returns "column &lt; instant" and adds its parameters.</summary>
    internal static string Before(NpgsqlParameterCollection parameters, string column, string tickColumn, DateTimeOffset instant, string name)
    {
        var (utc, tick) = SqlValues.Split(instant);
        parameters.Add(new NpgsqlParameter<DateTime>(name, NpgsqlDbType.TimestampTz) { TypedValue = utc });
        if (tick == 0)
        {
            return $"{column} < @{name}";
        }

        parameters.Add(new NpgsqlParameter<short>(name + "_tick", NpgsqlDbType.Smallint) { TypedValue = tick });
        return $"({column} <= @{name} AND ({column} <> @{name} OR {tickColumn} < @{name}_tick))";
    }
}
