using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace PerformanceAnalytics.Storage.Sqlite;

/// <summary>Validates <see cref="SqliteStoreOptions"/>; the store's constructor and the host's start both use it.</summary>
internal sealed class SqliteStoreOptionsValidator : IValidateOptions<SqliteStoreOptions>
{
    /// <summary>The longest accepted busy timeout.</summary>
    internal static readonly TimeSpan MaxBusyTimeout = TimeSpan.FromHours(1);

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, SqliteStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = Failures(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Returns every problem with the options.</summary>
    /// <param name="options">The options.</param>
    /// <returns>The failure messages; empty when the options are valid.</returns>
    internal static List<string> Failures(SqliteStoreOptions options)
    {
        var failures = new List<string>();
        if (options.BusyTimeout < TimeSpan.FromMilliseconds(1) || options.BusyTimeout > MaxBusyTimeout)
        {
            failures.Add($"{nameof(SqliteStoreOptions)}.{nameof(SqliteStoreOptions.BusyTimeout)} must be between 1 ms and {MaxBusyTimeout}, not {options.BusyTimeout}.");
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add($"{nameof(SqliteStoreOptions)}.{nameof(SqliteStoreOptions.ConnectionString)} is required, for example \"Data Source=analytics.db\".");
            return failures;
        }

        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(options.ConnectionString);
        }
        catch (ArgumentException e)
        {
            failures.Add($"{nameof(SqliteStoreOptions)}.{nameof(SqliteStoreOptions.ConnectionString)} is not a valid SQLite connection string: {e.Message}");
            return failures;
        }
        catch (FormatException e)
        {
            failures.Add($"{nameof(SqliteStoreOptions)}.{nameof(SqliteStoreOptions.ConnectionString)} is not a valid SQLite connection string: {e.Message}");
            return failures;
        }

        var dataSource = builder.DataSource?.Trim() ?? string.Empty;
        if (dataSource.Length == 0 || string.Equals(dataSource, ":memory:", StringComparison.Ordinal) || builder.Mode == SqliteOpenMode.Memory)
        {
            failures.Add(
                $"{nameof(SqliteStoreOptions)}.{nameof(SqliteStoreOptions.ConnectionString)} must name a database file; in-memory and temporary SQLite databases are not supported (use InMemoryEngagementStore instead).");
        }

        if (builder.Mode == SqliteOpenMode.ReadOnly)
        {
            failures.Add($"{nameof(SqliteStoreOptions)}.{nameof(SqliteStoreOptions.ConnectionString)} opens the database read-only; the store needs to write.");
        }

        return failures;
    }
}
