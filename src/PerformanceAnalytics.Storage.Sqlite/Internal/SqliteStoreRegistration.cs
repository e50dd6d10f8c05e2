using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace PerformanceAnalytics.Storage.Sqlite.Internal;

/// <summary>Registers the SQLite store as the one <see cref="IEngagementStore"/>.</summary>
internal static class SqliteStoreRegistration
{
    /// <summary>Adds the options (validated at start), the store singleton, and makes it the only engagement store.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddSqliteEngagementStore(IServiceCollection services, Action<SqliteStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<SqliteStoreOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SqliteStoreOptions>, SqliteStoreOptionsValidator>());
        services.TryAddSingleton(static sp => new SqliteEngagementStore(sp.GetRequiredService<IOptions<SqliteStoreOptions>>().Value));

        // One active store: replace whatever was registered before (the in-memory default, another adapter).
        services.RemoveAll<IEngagementStore>();
        services.AddSingleton<IEngagementStore>(static sp => sp.GetRequiredService<SqliteEngagementStore>());
        return services;
    }
}
