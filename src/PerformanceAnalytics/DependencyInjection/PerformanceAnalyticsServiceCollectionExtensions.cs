using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PerformanceAnalytics;
using PerformanceAnalytics.Analysis;
using PerformanceAnalytics.Caching;
using PerformanceAnalytics.Diagnostics;
using PerformanceAnalytics.Storage;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers PerformanceAnalytics.</summary>
public static class PerformanceAnalyticsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the manager, the analyzers, options bound from the configuration section
    /// <c>"PerformanceAnalytics"</c> (validated at start), and the in-memory store unless another store is chosen.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <returns>A builder to choose the store and configure further.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    /// <remarks>Calling it again adds nothing twice.</remarks>
    public static PerformanceAnalyticsBuilder AddPerformanceAnalytics(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (!services.Any(static d => d.ServiceType == typeof(PerformanceAnalyticsMarker)))
        {
            services.AddSingleton<PerformanceAnalyticsMarker>();
            // Bind the configuration section when the host has configuration; console hosts may have none.
            services.AddOptions<PerformanceAnalyticsOptions>()
                .Configure<IServiceProvider>(static (options, provider) =>
                    provider.GetService<IConfiguration>()?.GetSection(PerformanceAnalyticsOptions.SectionName).Bind(options))
                .ValidateOnStart();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PerformanceAnalyticsOptions>, PerformanceAnalyticsOptionsValidator>());
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PerformanceAnalyticsOptions>, PerformanceAnalyticsOptionsCustomValidator>());
            services.TryAddSingleton(TimeProvider.System);
            services.TryAddSingleton<PerformanceAnalyticsMetrics>();
            services.TryAddSingleton<AnalyticsCache>();
            services.TryAddSingleton<IEngagementStore, InMemoryEngagementStore>();
            services.TryAddSingleton<IEngagementTracker, EngagementTracker>();
            services.TryAddSingleton<IPerformanceAnalyticsManager, PerformanceAnalyticsManager>();
        }

        return new PerformanceAnalyticsBuilder(services);
    }

    /// <summary>Registers PerformanceAnalytics and configures its options in code (after configuration binding).</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Changes the options.</param>
    /// <returns>A builder to choose the store and configure further.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static PerformanceAnalyticsBuilder AddPerformanceAnalytics(this IServiceCollection services, Action<PerformanceAnalyticsOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = services.AddPerformanceAnalytics();
        services.Configure(configure);
        return builder;
    }

    private sealed class PerformanceAnalyticsMarker;
}
