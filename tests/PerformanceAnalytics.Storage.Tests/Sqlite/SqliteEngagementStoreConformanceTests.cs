using PerformanceAnalytics.Storage.Sqlite;
using PerformanceAnalytics.Storage.Tests.Conformance;

namespace PerformanceAnalytics.Storage.Tests.Sqlite;

public sealed class SqliteEngagementStoreConformanceTests : EngagementStoreConformanceTests
{
    private readonly Dictionary<IEngagementStore, TemporaryDatabase> _databases = [];

    protected override Task<IEngagementStore> CreateStoreAsync()
    {
        var database = new TemporaryDatabase();
        var store = new SqliteEngagementStore(database.ConnectionString);
        _databases.Add(store, database);
        return Task.FromResult<IEngagementStore>(store);
    }

    protected override async Task DisposeStoreAsync(IEngagementStore store)
    {
        await base.DisposeStoreAsync(store);
        if (_databases.Remove(store, out var database))
        {
            database.Dispose();
        }
    }
}
