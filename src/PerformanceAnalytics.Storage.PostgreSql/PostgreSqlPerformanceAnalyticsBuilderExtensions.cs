using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using PerformanceAnalytics.Storage;
using PerformanceAnalytics.Storage.PostgreSql;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="PostgreSqlEngagementStore"/> as the <see cref="IEngagementStore"/>.</summary>
/// <remarks>
/// Each method replaces any earlier <see cref="IEngagementStore"/> registration (one store is active), registers the
/// store as a singleton (also resolvable as <see cref="PostgreSqlEngagementStore"/>) and validates
/// <see cref="PostgreSqlStoreOptions"/> at host start.
/// </remarks>
public static class PostgreSqlPerformanceAnalyticsBuilderExtensions
{
    private static readonly Action<PostgreSqlStoreOptions> _noConfiguration = static _ => { };

    /// <summary>Uses a PostgreSQL store on a connection string.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="connectionString">The Npgsql connection string; the store creates and disposes its data source.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is <see langword="null"/>, empty or white space.</exception>
    public static PerformanceAnalyticsBuilder UsePostgreSqlStore(this PerformanceAnalyticsBuilder builder, string connectionString)
        => UsePostgreSqlStore(builder, connectionString, _noConfiguration);

    /// <summary>Uses a PostgreSQL store on a connection string, with options.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="connectionString">The Npgsql connection string; the store creates and disposes its data source.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is <see langword="null"/>, empty or white space.</exception>
    public static PerformanceAnalyticsBuilder UsePostgreSqlStore(
        this PerformanceAnalyticsBuilder builder, string connectionString, Action<PostgreSqlStoreOptions> configure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return Register(builder, configure, (_, options) => new PostgreSqlEngagementStore(NpgsqlDataSource.Create(connectionString), options, ownsDataSource: true));
    }

    /// <summary>Uses a PostgreSQL store on a data source built by a factory.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="factory">Returns the data source, once; the store does not dispose it.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static PerformanceAnalyticsBuilder UsePostgreSqlStore(this PerformanceAnalyticsBuilder builder, Func<IServiceProvider, NpgsqlDataSource> factory)
        => UsePostgreSqlStore(builder, factory, _noConfiguration);

    /// <summary>Uses a PostgreSQL store on a data source built by a factory, with options.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="factory">Returns the data source, once; the store does not dispose it.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static PerformanceAnalyticsBuilder UsePostgreSqlStore(
        this PerformanceAnalyticsBuilder builder, Func<IServiceProvider, NpgsqlDataSource> factory, Action<PostgreSqlStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return Register(builder, configure, (provider, options) => new PostgreSqlEngagementStore(
            factory(provider) ?? throw new InvalidOperationException("The NpgsqlDataSource factory returned null."), options, ownsDataSource: false));
    }

    /// <summary>Uses a PostgreSQL store on the <see cref="NpgsqlDataSource"/> registered in the container.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <remarks>Resolving the store fails with <see cref="InvalidOperationException"/> when no data source is registered.</remarks>
    public static PerformanceAnalyticsBuilder UsePostgreSqlStore(this PerformanceAnalyticsBuilder builder)
        => UsePostgreSqlStore(builder, _noConfiguration);

    /// <summary>Uses a PostgreSQL store on the <see cref="NpgsqlDataSource"/> registered in the container, with options.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <remarks>Resolving the store fails with <see cref="InvalidOperationException"/> when no data source is registered.</remarks>
    public static PerformanceAnalyticsBuilder UsePostgreSqlStore(this PerformanceAnalyticsBuilder builder, Action<PostgreSqlStoreOptions> configure)
        => Register(builder, configure, static (provider, options) => new PostgreSqlEngagementStore(
            provider.GetRequiredService<NpgsqlDataSource>(), options, ownsDataSource: false));

    private static PerformanceAnalyticsBuilder Register(
        PerformanceAnalyticsBuilder builder,
        Action<PostgreSqlStoreOptions> configure,
        Func<IServiceProvider, PostgreSqlStoreOptions, PostgreSqlEngagementStore> create)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var services = builder.Services;
        services.AddOptions<PostgreSqlStoreOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PostgreSqlStoreOptions>, PostgreSqlStoreOptionsValidator>());
        services.RemoveAll<PostgreSqlEngagementStore>();
        services.RemoveAll<IEngagementStore>();
        services.AddSingleton(provider => create(provider, provider.GetRequiredService<IOptions<PostgreSqlStoreOptions>>().Value));
        services.AddSingleton<IEngagementStore>(static provider => provider.GetRequiredService<PostgreSqlEngagementStore>());
        return builder;
    }
}
