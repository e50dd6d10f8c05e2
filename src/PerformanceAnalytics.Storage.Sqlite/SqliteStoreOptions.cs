using System.ComponentModel.DataAnnotations;

namespace PerformanceAnalytics.Storage.Sqlite;

/// <summary>Configures <see cref="SqliteEngagementStore"/>.</summary>
/// <remarks>
/// The options are validated when the store is created (and, with dependency injection, at host start): the
/// connection string must parse, name a database file and allow writing; in-memory and temporary databases are
/// rejected because the store opens a pooled connection per operation and each such connection would see its own
/// empty database.
/// </remarks>
public sealed class SqliteStoreOptions
{
    /// <summary>Gets or sets the Microsoft.Data.Sqlite connection string, for example <c>"Data Source=analytics.db"</c>.</summary>
    /// <value>Empty by default; required.</value>
    /// <remarks>
    /// Any keyword of <c>SqliteConnectionStringBuilder</c> is accepted. Pooling stays as given (on by default), and
    /// <c>Default Timeout</c> is overridden by <see cref="BusyTimeout"/>.
    /// </remarks>
    [Required]
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>Gets or sets how long an operation waits for a lock another connection or process holds.</summary>
    /// <value>30 seconds by default; between 1 millisecond and 1 hour.</value>
    /// <remarks>
    /// Applied as SQLite's <c>busy_timeout</c> and as the command timeout, so that concurrent writers queue instead
    /// of failing with <c>SQLITE_BUSY</c>. An operation still waiting when it elapses fails with a <c>SqliteException</c>.
    /// </remarks>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
