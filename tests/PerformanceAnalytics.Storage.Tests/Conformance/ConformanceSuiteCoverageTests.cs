using PerformanceAnalytics.Storage;

namespace PerformanceAnalytics.Storage.Tests.Conformance;

/// <summary>Every store in the solution has a sealed conformance fixture.</summary>
public sealed class ConformanceSuiteCoverageTests
{
    [Test]
    public void EveryStoreImplementation_HasAConformanceFixture()
    {
        var stores = AppDomain.CurrentDomain.GetAssemblies()
            .Concat(StoreAssemblies())
            .Distinct()
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true } && typeof(IEngagementStore).IsAssignableFrom(t))
            .ToList();
        var fixtures = typeof(ConformanceSuiteCoverageTests).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false } && typeof(EngagementStoreConformanceTests).IsAssignableFrom(t))
            .ToList();

        stores.Should().Contain(typeof(InMemoryEngagementStore));
        foreach (var store in stores)
        {
            fixtures.Should().Contain(
                f => f.Name == store.Name + "ConformanceTests",
                $"{store.Name} must pass the conformance suite through a fixture named {store.Name}ConformanceTests");
        }
    }

    private static IEnumerable<System.Reflection.Assembly> StoreAssemblies()
    {
        foreach (var name in typeof(ConformanceSuiteCoverageTests).Assembly.GetReferencedAssemblies())
        {
            if (name.Name?.StartsWith("PerformanceAnalytics", StringComparison.Ordinal) == true)
            {
                yield return System.Reflection.Assembly.Load(name);
            }
        }
    }
}
