using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PerformanceAnalytics.Storage.Sqlite;
using PerformanceAnalytics.Storage.Sqlite.Internal;

namespace PerformanceAnalytics.Storage.Tests.Sqlite;

public sealed class SqliteStoreOptionsTests
{
    [TestCase("", "is required")]
    [TestCase("   ", "is required")]
    [TestCase("Data Source=:memory:", "in-memory")]
    [TestCase("Data Source=x.db;Mode=Memory;Cache=Shared", "in-memory")]
    [TestCase("Data Source=", "must name a database file")]
    [TestCase("Data Source=x.db;Mode=ReadOnly", "read-only")]
    [TestCase("Data Source=x.db;Frobnicate=1", "not a valid SQLite connection string")]
    public void Constructor_InvalidConnectionString_ThrowsNamingTheArgument(string connectionString, string message)
    {
        var byString = () => new SqliteEngagementStore(connectionString);
        var byOptions = () => new SqliteEngagementStore(new SqliteStoreOptions { ConnectionString = connectionString });

        byString.Should().Throw<ArgumentException>().WithMessage($"*{message}*").Which.ParamName.Should().Be("connectionString");
        byOptions.Should().Throw<ArgumentException>().WithMessage($"*{message}*").Which.ParamName.Should().Be("options");
    }

    [TestCase(0)]
    [TestCase(-5)]
    [TestCase(3_600_001)]
    public void Constructor_BusyTimeoutOutOfRange_Throws(int milliseconds)
    {
        var act = () => new SqliteEngagementStore(new SqliteStoreOptions { ConnectionString = "Data Source=x.db", BusyTimeout = TimeSpan.FromMilliseconds(milliseconds) });

        act.Should().Throw<ArgumentException>().WithMessage("*BusyTimeout*");
    }

    [Test]
    public void Constructor_NullArguments_Throw()
    {
        var nullOptions = () => new SqliteEngagementStore((SqliteStoreOptions)null!);
        var nullString = () => new SqliteEngagementStore((string)null!);

        nullOptions.Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("options");
        nullString.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("connectionString");
    }

    [Test]
    public void Constructor_ValidOptions_OpensNothingUntilFirstUse()
    {
        using var database = new TemporaryDatabase();

        using var store = new SqliteEngagementStore(new SqliteStoreOptions { ConnectionString = database.ConnectionString, BusyTimeout = TimeSpan.FromSeconds(2) });

        File.Exists(database.Path).Should().BeFalse();
        store.DataSource.Should().Be(database.Path);
    }

    [Test]
    public async Task Registration_ReplacesAnEarlierStoreWithTheSqliteOne()
    {
        using var database = new TemporaryDatabase();
        var services = new ServiceCollection();
        services.AddSingleton<IEngagementStore, InMemoryEngagementStore>();

        SqliteStoreRegistration.AddSqliteEngagementStore(services, o => o.ConnectionString = database.ConnectionString);
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        services.Count(d => d.ServiceType == typeof(IEngagementStore)).Should().Be(1);
        var store = provider.GetRequiredService<IEngagementStore>();
        store.Should().BeOfType<SqliteEngagementStore>().And.BeSameAs(provider.GetRequiredService<SqliteEngagementStore>());
        (await store.CheckHealthAsync()).IsHealthy.Should().BeTrue();
    }

    [Test]
    public async Task UseSqliteStore_AfterAddPerformanceAnalytics_ReplacesTheInMemoryDefault()
    {
        using var database = new TemporaryDatabase();
        var services = new ServiceCollection();

        services.AddPerformanceAnalytics().UseSqliteStore(database.ConnectionString);
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        services.Count(d => d.ServiceType == typeof(IEngagementStore)).Should().Be(1);
        var store = provider.GetRequiredService<IEngagementStore>().Should().BeOfType<SqliteEngagementStore>().Subject;
        store.DataSource.Should().Be(database.Path);
    }

    [Test]
    public async Task UseSqliteStore_CalledTwiceAndThenInMemory_KeepsOneStoreAndTheLastChoiceWins()
    {
        using var first = new TemporaryDatabase();
        using var second = new TemporaryDatabase();
        var sqliteServices = new ServiceCollection();
        var switchedBack = new ServiceCollection();

        sqliteServices.AddPerformanceAnalytics()
            .UseSqliteStore(first.ConnectionString)
            .UseSqliteStore(o => { o.ConnectionString = second.ConnectionString; o.BusyTimeout = TimeSpan.FromSeconds(5); });
        switchedBack.AddPerformanceAnalytics().UseSqliteStore(first.ConnectionString).UseInMemoryStore();
        await using var sqlite = sqliteServices.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await using var memory = switchedBack.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        sqliteServices.Count(d => d.ServiceType == typeof(IEngagementStore)).Should().Be(1);
        sqlite.GetRequiredService<IEngagementStore>().Should().BeOfType<SqliteEngagementStore>().Which.DataSource.Should().Be(second.Path);
        memory.GetRequiredService<IEngagementStore>().Should().BeOfType<InMemoryEngagementStore>();
    }

    [Test]
    public void UseSqliteStore_BadArguments_Throw()
    {
        var builder = new ServiceCollection().AddPerformanceAnalytics();

        var empty = () => builder.UseSqliteStore(" ");
        var nullConfigure = () => builder.UseSqliteStore((Action<SqliteStoreOptions>)null!);
        var nullBuilder = () => ((PerformanceAnalyticsBuilder)null!).UseSqliteStore("Data Source=x.db");

        empty.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("connectionString");
        nullConfigure.Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("configure");
        nullBuilder.Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("builder");
    }

    [Test]
    public async Task Registration_InvalidOptions_FailOnResolveWithTheReason()
    {
        var services = new ServiceCollection();
        SqliteStoreRegistration.AddSqliteEngagementStore(services, o => o.ConnectionString = "Data Source=:memory:");
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var act = () => provider.GetRequiredService<IEngagementStore>();

        act.Should().Throw<OptionsValidationException>().WithMessage("*in-memory*");
    }
}
