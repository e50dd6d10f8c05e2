using System.Diagnostics;
using System.Globalization;
using PerformanceAnalytics.Storage.Sqlite;

namespace PerformanceAnalytics.Storage.Tests.Sqlite;

/// <summary>
/// Kills a writer process (tests/PerformanceAnalytics.Storage.CrashWriter) while it appends, then checks that every
/// acknowledged batch is stored completely and that no batch is stored in part.
/// </summary>
public sealed class SqliteCrashSafetyTests
{
    private const int BatchSize = 4000;

    [Test]
    [CancelAfter(240_000)]
    public async Task Append_WriterKilledMidBatch_KeepsEveryAcknowledgedBatchAndNoPartialOne(CancellationToken cancellationToken)
    {
        var writer = CrashWriterPath();
        using var database = new TemporaryDatabase();
        var acknowledged = new List<int>();
        var killedDuringAnOpenBatch = 0;

        for (var round = 0; round < 3; round++)
        {
            var (acks, open) = await RunAndKillAsync(writer, database.Path, round * 10_000, cancellationToken);
            acknowledged.AddRange(acks);
            killedDuringAnOpenBatch += open ? 1 : 0;
        }

        using var store = new SqliteEngagementStore(database.ConnectionString);
        var perBatch = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var snapshot in store.QueryAsync(new SnapshotQuery("default"), cancellationToken))
        {
            snapshot.Metadata["batch"].Should().Be(snapshot.ContentId["batch-".Length..]);
            perBatch[snapshot.ContentId] = perBatch.GetValueOrDefault(snapshot.ContentId) + 1;
        }

        acknowledged.Should().HaveCountGreaterThanOrEqualTo(3);
        killedDuringAnOpenBatch.Should().BeGreaterThan(0, "at least one kill should land inside an append for the test to mean something");
        perBatch.Should().OnlyContain(kv => kv.Value == BatchSize, "a batch is stored entirely or not at all");
        foreach (var batch in acknowledged)
        {
            perBatch.Should().ContainKey($"batch-{batch}", "an acknowledged batch is never lost");
        }

        database.Scalar("PRAGMA integrity_check;").Should().Be("ok");
    }

    /// <summary>Starts the writer, waits for a few acknowledgements, then kills it shortly after it begins a batch.</summary>
    private static async Task<(List<int> Acks, bool KilledDuringOpenBatch)> RunAndKillAsync(
        string writer, string databasePath, int firstBatch, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(writer);
        start.ArgumentList.Add(databasePath);
        start.ArgumentList.Add(firstBatch.ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add(BatchSize.ToString(CultureInfo.InvariantCulture));

        using var process = Process.Start(start)!;
        var acks = new List<int>();
        var open = -1;
        try
        {
            while (await process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
            {
                var parts = line.Split(' ');
                var batch = int.Parse(parts[1], CultureInfo.InvariantCulture);
                if (parts[0] == "ACK")
                {
                    acks.Add(batch);
                    open = -1;
                }
                else if (parts[0] == "BEGIN")
                {
                    open = batch;
                    if (acks.Count >= 2)
                    {
                        // Let the append get going, then kill the process without warning.
                        await Task.Delay(5 + (firstBatch % 7), cancellationToken);
                        break;
                    }
                }
            }
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync(cancellationToken);
        }

        if (acks.Count == 0)
        {
            Assert.Fail($"The writer acknowledged nothing. stderr: {await process.StandardError.ReadToEndAsync(cancellationToken)}");
        }

        // Lines the writer printed before it died still count: an ACK means the append returned.
        while (await process.StandardOutput.ReadLineAsync(cancellationToken) is { } rest)
        {
            var parts = rest.Split(' ');
            if (parts[0] == "ACK")
            {
                acks.Add(int.Parse(parts[1], CultureInfo.InvariantCulture));
                open = -1;
            }
            else if (parts[0] == "BEGIN")
            {
                open = int.Parse(parts[1], CultureInfo.InvariantCulture);
            }
        }

        return (acks, open >= 0);
    }

    /// <summary>Finds the writer built next to this test assembly (same configuration), building it if needed.</summary>
    private static string CrashWriterPath()
    {
        const string Name = "PerformanceAnalytics.Storage.CrashWriter";
        var testDirectory = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testDirectory.Name; // artifacts/bin/<project>/<configuration>
        var binRoot = testDirectory.Parent!.Parent!.FullName;
        var path = Path.Combine(binRoot, Name, configuration, Name + ".dll");
        if (File.Exists(path))
        {
            return path;
        }

        var repository = testDirectory;
        while (repository is not null && !File.Exists(Path.Combine(repository.FullName, "PerformanceAnalytics.sln")))
        {
            repository = repository.Parent;
        }

        if (repository is null)
        {
            Assert.Fail($"The crash writer is not built at {path} and the repository was not found to build it.");
        }

        var project = Path.Combine(repository!.FullName, "tests", Name, Name + ".csproj");
        var build = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true };
        build.ArgumentList.Add("build");
        build.ArgumentList.Add(project);
        build.ArgumentList.Add("-c");
        build.ArgumentList.Add(configuration.StartsWith("release", StringComparison.OrdinalIgnoreCase) ? "Release" : "Debug");
        using var process = Process.Start(build)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        File.Exists(path).Should().BeTrue($"building the crash writer should produce {path}:\n{output}");
        return path;
    }
}
