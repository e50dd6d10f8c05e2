namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Configures PerformanceAnalytics after <c>AddPerformanceAnalytics</c>: choose a store, add options.</summary>
/// <remarks>Store packages add <c>UseXxxStore</c> extension methods to this type; the last one called wins.</remarks>
public sealed class PerformanceAnalyticsBuilder
{
    internal PerformanceAnalyticsBuilder(IServiceCollection services) => Services = services;

    /// <summary>Gets the service collection the library registers into.</summary>
    public IServiceCollection Services { get; }
}
