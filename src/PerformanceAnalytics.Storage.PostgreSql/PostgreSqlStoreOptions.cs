namespace PerformanceAnalytics.Storage.PostgreSql;

/// <summary>Options of <see cref="PostgreSqlEngagementStore"/>.</summary>
/// <remarks>
/// Validated when the store is created (and at host start when registered through
/// <c>UsePostgreSqlStore</c>): <see cref="Schema"/> must be a lower-case PostgreSQL identifier and
/// <see cref="CommandTimeout"/> between one second and one hour.
/// </remarks>
public sealed class PostgreSqlStoreOptions
{
    /// <summary>The default schema name.</summary>
    public const string DefaultSchema = "performance_analytics";

    /// <summary>Gets or sets the schema that holds the store's tables, views and functions.</summary>
    /// <value>
    /// <see cref="DefaultSchema"/> by default. 1–63 characters: a lower-case ASCII letter or underscore, then lower-case
    /// ASCII letters, digits or underscores. Several stores (tests, say) can share a database in different schemas.
    /// </value>
    public string Schema { get; set; } = DefaultSchema;

    /// <summary>Gets or sets a value indicating whether the store applies pending migrations before its first command.</summary>
    /// <value>
    /// <see langword="true"/> by default. Set it to <see langword="false"/> when the application role may not create
    /// objects and an owner role runs <see cref="PostgreSqlEngagementStore.MigrateAsync"/> at deployment instead.
    /// </value>
    public bool ApplyMigrations { get; set; } = true;

    /// <summary>Gets or sets how long one command may run before the server cancels it.</summary>
    /// <value>30 seconds by default; between 1 second and 1 hour, in whole seconds.</value>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(30);

    internal PostgreSqlStoreOptions Clone() => new()
    {
        Schema = Schema,
        ApplyMigrations = ApplyMigrations,
        CommandTimeout = CommandTimeout,
    };
}
