using PerformanceAnalytics.Storage;
using PerformanceAnalytics.Storage.Sqlite;
using PerformanceAnalytics.Storage.Sqlite.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Selects the SQLite store.</summary>
public static class SqliteStoreBuilderExtensions
{
    /// <summary>Uses <see cref="SqliteEngagementStore"/> on the database a connection string names, replacing any store registered before.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string, for example <c>"Data Source=analytics.db"</c>.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is <see langword="null"/>, empty or white space.</exception>
    /// <remarks>
    /// The store is a singleton registered both as <see cref="IEngagementStore"/> and as <see cref="SqliteEngagementStore"/>.
    /// <see cref="SqliteStoreOptions"/> are validated when the host starts (or when the store is first resolved); an
    /// in-memory, temporary or read-only database fails validation. The schema is created on the first operation.
    /// </remarks>
    public static PerformanceAnalyticsBuilder UseSqliteStore(this PerformanceAnalyticsBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return builder.UseSqliteStore(options => options.ConnectionString = connectionString);
    }

    /// <summary>Uses <see cref="SqliteEngagementStore"/> configured in code, replacing any store registered before.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the options; <see cref="SqliteStoreOptions.ConnectionString"/> is required.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    /// <remarks>
    /// Calling it again adds another configuration step (the last value set wins) and keeps a single store.
    /// The options are validated when the host starts (or when the store is first resolved).
    /// </remarks>
    public static PerformanceAnalyticsBuilder UseSqliteStore(this PerformanceAnalyticsBuilder builder, Action<SqliteStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        SqliteStoreRegistration.AddSqliteEngagementStore(builder.Services, configure);
        return builder;
    }
}
