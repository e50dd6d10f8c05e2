using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PerformanceAnalytics.Analysis;
using PerformanceAnalytics.Storage;

namespace PerformanceAnalytics.Tests.DependencyInjection;

public sealed class ServiceRegistrationTests
{
    [Test]
    public void AddPerformanceAnalytics_RegistersTheFacadeAndTheInMemoryStoreByDefault()
    {
        var services = new ServiceCollection();
        services.AddPerformanceAnalytics();
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        provider.GetRequiredService<IPerformanceAnalyticsManager>().Should().NotBeNull();
        provider.GetRequiredService<IEngagementTracker>().Should().NotBeNull();
        provider.GetRequiredService<IEngagementStore>().Should().BeOfType<InMemoryEngagementStore>();
        provider.GetRequiredService<TimeProvider>().Should().BeSameAs(TimeProvider.System);
    }

    [Test]
    public void AddPerformanceAnalytics_CalledTwice_AddsNothingTwice()
    {
        var services = new ServiceCollection();
        services.AddPerformanceAnalytics();
        var count = services.Count;

        services.AddPerformanceAnalytics();

        services.Count.Should().Be(count);
    }

    [Test]
    public void UseInMemoryStore_ReplacesAStoreRegisteredBefore()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IEngagementStore>(new InMemoryEngagementStore());
        services.AddPerformanceAnalytics().UseInMemoryStore();

        services.Count(d => d.ServiceType == typeof(IEngagementStore)).Should().Be(1);
    }

    [Test]
    public void Options_BindFromTheConfigurationSection()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PerformanceAnalytics:CacheTtl"] = "00:10:00",
            ["PerformanceAnalytics:MinimumDataPoints"] = "15",
            ["PerformanceAnalytics:TimeZone"] = "Europe/Berlin",
            ["PerformanceAnalytics:Platforms:youtube:BenchmarkEngagementRate"] = "0.04",
            ["PerformanceAnalytics:Platforms:youtube:BenchmarkSource"] = "internal 2025 channel median",
            ["PerformanceAnalytics:Platforms:mastodon:EngagementRateBasis"] = "Impressions",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddPerformanceAnalytics();
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<PerformanceAnalyticsOptions>>().Value;

        options.CacheTtl.Should().Be(TimeSpan.FromMinutes(10));
        options.MinimumDataPoints.Should().Be(15);
        options.TimeZone.Should().Be("Europe/Berlin");
        options.Platforms["youtube"].BenchmarkEngagementRate.Should().Be(0.04);
        options.Platforms["mastodon"].EngagementRateBasis.Should().Be(EngagementRateBasis.Impressions);
        options.Platforms["instagram"].EngagementRateBasis.Should().Be(EngagementRateBasis.Reach);
    }

    [TestCase(nameof(PerformanceAnalyticsOptions.MinimumDataPoints))]
    [TestCase(nameof(PerformanceAnalyticsOptions.SignificanceLevel))]
    [TestCase(nameof(PerformanceAnalyticsOptions.LowPerformanceThreshold))]
    [TestCase(nameof(PerformanceAnalyticsOptions.TimeZone))]
    [TestCase("Platforms[youtube]")]
    [TestCase("Platforms[bad platform]")]
    public void Options_Invalid_FailValidationNamingTheMember(string member)
    {
        var services = new ServiceCollection();
        services.AddPerformanceAnalytics(o =>
        {
            switch (member)
            {
                case nameof(PerformanceAnalyticsOptions.MinimumDataPoints): o.MinimumDataPoints = 1; break;
                case nameof(PerformanceAnalyticsOptions.SignificanceLevel): o.SignificanceLevel = 0.9; break;
                case nameof(PerformanceAnalyticsOptions.LowPerformanceThreshold): o.LowPerformanceThreshold = 8; break;
                case nameof(PerformanceAnalyticsOptions.TimeZone): o.TimeZone = "Mars/Olympus_Mons"; break;
                case "Platforms[youtube]": o.Platforms["youtube"].BenchmarkEngagementRate = 0.05; break;
                default: o.Platforms["bad platform"] = new PlatformOptions(); break;
            }
        });
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IOptions<PerformanceAnalyticsOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain(member.Split('[')[0]);
    }

    [Test]
    public void EnvironmentPresets_ChangeTheDefaults()
    {
        var development = new PerformanceAnalyticsOptions().ApplyEnvironmentDefaults("development");
        var production = new PerformanceAnalyticsOptions().ApplyEnvironmentDefaults("Production");
        var unknown = () => new PerformanceAnalyticsOptions().ApplyEnvironmentDefaults("Staging");

        development.CacheTtl.Should().BeLessThan(production.CacheTtl);
        development.MinimumDataPoints.Should().BeLessThan(production.MinimumDataPoints);
        development.RetentionDays.Should().BeLessThan(production.RetentionDays);
        unknown.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("environmentName");
    }
}
