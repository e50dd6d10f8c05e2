using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using PerformanceAnalytics.Model;
using PerformanceAnalytics.Storage.PostgreSql;

namespace PerformanceAnalytics.Storage.Tests.PostgreSql;

public sealed class PostgreSqlPerformanceAnalyticsBuilderExtensionsTests
{
    private static readonly ServiceProviderOptions _strict = new() { ValidateOnBuild = true, ValidateScopes = true };

    [Test]
    public async Task UsePostgreSqlStore_ConnectionString_ReplacesTheStoreAndAppliesOptions()
    {
        var services = new ServiceCollection();
        services.AddPerformanceAnalytics().UsePostgreSqlStore("Host=127.0.0.1;Username=x", o => o.Schema = "tenant_data");

        await using var provider = services.BuildServiceProvider(_strict);
        var store = provider.GetRequiredService<IEngagementStore>();

        store.Should().BeOfType<PostgreSqlEngagementStore>().Which.Schema.Should().Be("tenant_data");
        provider.GetRequiredService<PostgreSqlEngagementStore>().Should().BeSameAs(store);
        services.Count(d => d.ServiceType == typeof(IEngagementStore)).Should().Be(1, "one store is active");
    }

    [Test]
    public async Task UsePostgreSqlStore_Factory_UsesTheFactorysDataSource()
    {
        await using var dataSource = NpgsqlDataSource.Create("Host=127.0.0.1;Username=x");
        var calls = 0;
        var services = new ServiceCollection();
        services.AddPerformanceAnalytics().UsePostgreSqlStore(_ =>
        {
            calls++;
            return dataSource;
        });

        await using (var provider = services.BuildServiceProvider(_strict))
        {
            provider.GetRequiredService<IEngagementStore>().Should().BeOfType<PostgreSqlEngagementStore>();
            provider.GetRequiredService<IEngagementStore>();
        }

        calls.Should().Be(1, "the store is a singleton");
        await using var connection = dataSource.CreateConnection();
        connection.Should().NotBeNull("disposing the container leaves the caller's data source usable");
    }

    [Test]
    public async Task UsePostgreSqlStore_FromContainer_ResolvesTheRegisteredDataSource_OrFails()
    {
        var with = new ServiceCollection();
        with.AddSingleton(NpgsqlDataSource.Create("Host=127.0.0.1;Username=x"));
        with.AddPerformanceAnalytics().UsePostgreSqlStore();
        var without = new ServiceCollection();
        without.AddPerformanceAnalytics().UsePostgreSqlStore();

        await using var good = with.BuildServiceProvider(_strict);
        await using var bad = without.BuildServiceProvider();

        good.GetRequiredService<IEngagementStore>().Should().BeOfType<PostgreSqlEngagementStore>();
        var act = () => bad.GetRequiredService<IEngagementStore>();
        act.Should().Throw<InvalidOperationException>().WithMessage("*NpgsqlDataSource*");
    }

    [Test]
    public async Task UsePostgreSqlStore_InvalidOptions_FailValidation()
    {
        var services = new ServiceCollection();
        services.AddPerformanceAnalytics().UsePostgreSqlStore("Host=127.0.0.1", o => o.Schema = "Not Valid");

        await using var provider = services.BuildServiceProvider();
        var act = () => provider.GetRequiredService<IOptions<PostgreSqlStoreOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().WithMessage("*Schema*");
    }

    [Test]
    public void UsePostgreSqlStore_BadArguments_Throw()
    {
        var builder = new ServiceCollection().AddPerformanceAnalytics();

        var blank = () => builder.UsePostgreSqlStore(" ");
        var noFactory = () => builder.UsePostgreSqlStore((Func<IServiceProvider, NpgsqlDataSource>)null!);
        var noConfigure = () => builder.UsePostgreSqlStore((Action<PostgreSqlStoreOptions>)null!);
        var noBuilder = () => PostgreSqlPerformanceAnalyticsBuilderExtensions.UsePostgreSqlStore(null!, "Host=x");

        blank.Should().Throw<ArgumentException>().WithParameterName("connectionString");
        noFactory.Should().Throw<ArgumentNullException>().WithParameterName("factory");
        noConfigure.Should().Throw<ArgumentNullException>().WithParameterName("configure");
        noBuilder.Should().Throw<ArgumentNullException>().WithParameterName("builder");
    }

    [Test]
    public async Task UsePostgreSqlStore_EndToEnd_AppendsAndReads()
    {
        var connectionString = PostgreSqlTestEnvironment.RequireConnectionString();
        var schema = PostgreSqlTestEnvironment.NewSchemaName("pa_di");
        var services = new ServiceCollection();
        services.AddPerformanceAnalytics().UsePostgreSqlStore(connectionString, o => o.Schema = schema);
        try
        {
            await using var provider = services.BuildServiceProvider(_strict);
            var store = provider.GetRequiredService<IEngagementStore>();
            var snapshot = new EngagementSnapshot("s", "c", Platform.YouTube, new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero), MetricValues.Empty.With(Metric.Views, 7));

            var appended = await store.AppendAsync([snapshot]);
            var latest = await store.GetLatestAsync(new SnapshotQuery("default"));

            appended.Should().Be(new AppendResult(1, 0));
            latest.Should().ContainSingle().Which.Metrics[Metric.Views].Should().Be(7);
        }
        finally
        {
            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            await PostgreSqlTestEnvironment.DropSchemaAsync(dataSource, schema);
        }
    }
}
