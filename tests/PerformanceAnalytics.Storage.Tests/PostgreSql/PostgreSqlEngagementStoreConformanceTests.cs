using Npgsql;
using PerformanceAnalytics.Storage.PostgreSql;
using PerformanceAnalytics.Storage.Tests.Conformance;

namespace PerformanceAnalytics.Storage.Tests.PostgreSql;

/// <summary>The conformance suite against a real PostgreSQL server; each test gets a fresh schema.</summary>
public sealed class PostgreSqlEngagementStoreConformanceTests : EngagementStoreConformanceTests
{
    private readonly Dictionary<IEngagementStore, string> _schemas = [];
    private NpgsqlDataSource? _dataSource;

    [OneTimeSetUp]
    public void OpenDataSource() => _dataSource = NpgsqlDataSource.Create(PostgreSqlTestEnvironment.RequireConnectionString());

    [OneTimeTearDown]
    public async Task CloseDataSourceAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }
    }

    protected override async Task<IEngagementStore> CreateStoreAsync()
    {
        var schema = PostgreSqlTestEnvironment.NewSchemaName("pa_conf");
        var store = PostgreSqlTestEnvironment.CreateStore(_dataSource!, schema);
        await store.MigrateAsync();
        _schemas.Add(store, schema);
        return store;
    }

    protected override async Task DisposeStoreAsync(IEngagementStore store)
    {
        await base.DisposeStoreAsync(store);
        if (_schemas.Remove(store, out var schema))
        {
            await PostgreSqlTestEnvironment.DropSchemaAsync(_dataSource!, schema);
        }
    }
}
