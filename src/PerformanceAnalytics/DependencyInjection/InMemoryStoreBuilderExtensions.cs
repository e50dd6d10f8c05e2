using Microsoft.Extensions.DependencyInjection.Extensions;
using PerformanceAnalytics.Storage;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Selects the in-memory store.</summary>
public static class InMemoryStoreBuilderExtensions
{
    /// <summary>Uses <see cref="InMemoryEngagementStore"/>, replacing any store registered before.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static PerformanceAnalyticsBuilder UseInMemoryStore(this PerformanceAnalyticsBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.RemoveAll<IEngagementStore>();
        builder.Services.AddSingleton<IEngagementStore, InMemoryEngagementStore>();
        return builder;
    }
}
