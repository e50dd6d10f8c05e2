using Npgsql;
using PerformanceAnalytics.Storage.PostgreSql;

namespace PerformanceAnalytics.Storage.Tests.PostgreSql;

/// <summary>A migrated PostgreSQL store in a fresh schema per test, dropped afterwards.</summary>
public abstract class PostgreSqlStoreTestBase(string schemaPrefix)
{
    protected NpgsqlDataSource DataSource { get; private set; } = null!;

    protected PostgreSqlEngagementStore Store { get; private set; } = null!;

    protected string Schema { get; private set; } = null!;

    [SetUp]
    public async Task SetUpStoreAsync()
    {
        DataSource = NpgsqlDataSource.Create(PostgreSqlTestEnvironment.RequireConnectionString());
        Schema = PostgreSqlTestEnvironment.NewSchemaName(schemaPrefix);
        Store = PostgreSqlTestEnvironment.CreateStore(DataSource, Schema);
        await Store.MigrateAsync();
        await OnStoreReadyAsync();
    }

    [TearDown]
    public async Task TearDownStoreAsync()
    {
        if (Store is not null)
        {
            await Store.DisposeAsync();
        }

        if (DataSource is not null)
        {
            await PostgreSqlTestEnvironment.DropSchemaAsync(DataSource, Schema);
            await DataSource.DisposeAsync();
        }
    }

    /// <summary>Runs after the store is migrated, before each test.</summary>
    protected virtual Task OnStoreReadyAsync() => Task.CompletedTask;
}
