using Npgsql;
using PerformanceAnalytics.Storage.PostgreSql;

namespace PerformanceAnalytics.Storage.Tests.PostgreSql;

public sealed class PostgreSqlStoreOptionsTests
{
    [TestCase("performance_analytics")]
    [TestCase("_x")]
    [TestCase("a1_b2")]
    public void Constructor_ValidSchema_IsAccepted(string schema)
    {
        using var dataSource = NpgsqlDataSource.Create("Host=localhost");

        using var store = new PostgreSqlEngagementStore(dataSource, new PostgreSqlStoreOptions { Schema = schema });

        store.Schema.Should().Be(schema);
    }

    [TestCase("")]
    [TestCase("Public")]
    [TestCase("1abc")]
    [TestCase("a-b")]
    [TestCase("x\"; DROP SCHEMA public CASCADE; --")]
    [TestCase("a234567890123456789012345678901234567890123456789012345678901234")]
    public void Constructor_InvalidSchema_ThrowsNamingOptions(string schema)
    {
        using var dataSource = NpgsqlDataSource.Create("Host=localhost");

        var act = () => new PostgreSqlEngagementStore(dataSource, new PostgreSqlStoreOptions { Schema = schema });

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "options" && e.Message.Contains("Schema"));
    }

    [TestCase(0)]
    [TestCase(0.5)]
    [TestCase(3601)]
    public void Constructor_CommandTimeoutOutOfRange_ThrowsNamingOptions(double seconds)
    {
        using var dataSource = NpgsqlDataSource.Create("Host=localhost");

        var act = () => new PostgreSqlEngagementStore(dataSource, new PostgreSqlStoreOptions { CommandTimeout = TimeSpan.FromSeconds(seconds) });

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "options" && e.Message.Contains("CommandTimeout"));
    }

    [Test]
    public void Constructor_NullArguments_Throw()
    {
        using var dataSource = NpgsqlDataSource.Create("Host=localhost");

        var noSource = () => new PostgreSqlEngagementStore(null!);
        var noOptions = () => new PostgreSqlEngagementStore(dataSource, null!);

        noSource.Should().Throw<ArgumentNullException>().WithParameterName("dataSource");
        noOptions.Should().Throw<ArgumentNullException>().WithParameterName("options");
    }

    [Test]
    public void Options_AreCopied_LaterChangesDoNotAffectTheStore()
    {
        using var dataSource = NpgsqlDataSource.Create("Host=localhost");
        var options = new PostgreSqlStoreOptions { Schema = "first" };
        using var store = new PostgreSqlEngagementStore(dataSource, options);

        options.Schema = "second";

        store.Schema.Should().Be("first");
    }

    [Test]
    public void Defaults_AreDocumentedValues()
    {
        var options = new PostgreSqlStoreOptions();

        options.Schema.Should().Be(PostgreSqlStoreOptions.DefaultSchema).And.Be("performance_analytics");
        options.ApplyMigrations.Should().BeTrue();
        options.CommandTimeout.Should().Be(TimeSpan.FromSeconds(30));
    }

    [Test]
    public async Task CheckHealth_UnreachableServer_IsUnhealthy()
    {
        // Port 1 on the loopback interface refuses connections.
        await using var dataSource = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Timeout=2;Username=x;Password=x");
        await using var store = new PostgreSqlEngagementStore(dataSource);

        var health = await store.CheckHealthAsync();

        health.IsHealthy.Should().BeFalse();
        health.Description.Should().Contain("unavailable");
    }
}
