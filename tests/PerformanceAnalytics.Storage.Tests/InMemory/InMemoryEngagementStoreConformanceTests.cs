using PerformanceAnalytics.Storage;
using PerformanceAnalytics.Storage.Tests.Conformance;

namespace PerformanceAnalytics.Storage.Tests.InMemory;

public sealed class InMemoryEngagementStoreConformanceTests : EngagementStoreConformanceTests
{
    protected override Task<IEngagementStore> CreateStoreAsync() => Task.FromResult<IEngagementStore>(new InMemoryEngagementStore());
}
