using System.Globalization;
using System.Reflection;
using System.Text;
using Npgsql;

namespace PerformanceAnalytics.Storage.PostgreSql.Internal;

/// <summary>
/// Applies the embedded, versioned SQL migrations to one schema, each at most once, under a transaction-scoped
/// advisory lock so that application instances starting together never race.
/// </summary>
internal static class SchemaMigrator
{
    internal const string SchemaToken = "__schema__";
    private const string ResourcePrefix = "Migrations.";
    private const string ResourceSuffix = ".sql";

    /// <summary>Gets the embedded migrations, ascending by version.</summary>
    internal static IReadOnlyList<Migration> Migrations { get; } = Load();

    /// <summary>Gets the latest migration version.</summary>
    internal static int LatestVersion => Migrations[^1].Version;

    /// <summary>Returns the advisory lock key of a schema: FNV-1a over a fixed prefix and the schema name.</summary>
    internal static long LockKey(string schema)
    {
        const ulong offset = 14695981039346656037;
        const ulong prime = 1099511628211;
        var hash = offset;
        foreach (var b in Encoding.UTF8.GetBytes("PerformanceAnalytics.Storage.PostgreSql/" + schema))
        {
            hash = (hash ^ b) * prime;
        }

        return unchecked((long)hash);
    }

    /// <summary>Applies the pending migrations; returns how many this call applied.</summary>
    internal static async Task<int> MigrateAsync(NpgsqlDataSource dataSource, string schema, int timeoutSeconds, CancellationToken cancellationToken)
    {
        var quoted = Quote(schema);
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await ExecuteScalarAsync<object>(
                    connection, transaction, "SELECT pg_advisory_xact_lock(@key)", timeoutSeconds,
                    [new NpgsqlParameter<long>("key", LockKey(schema))], cancellationToken).ConfigureAwait(false);
                await ExecuteScalarAsync<object>(
                    connection,
                    transaction,
                    $"""
                    CREATE SCHEMA IF NOT EXISTS {quoted};
                    CREATE TABLE IF NOT EXISTS {quoted}.schema_version (
                        version integer NOT NULL PRIMARY KEY,
                        name text NOT NULL,
                        applied_at timestamptz NOT NULL DEFAULT now());
                    """,
                    timeoutSeconds,
                    null,
                    cancellationToken).ConfigureAwait(false);
                var current = await ExecuteScalarAsync<int>(
                    connection, transaction, $"SELECT coalesce(max(version), 0) FROM {quoted}.schema_version", timeoutSeconds, null, cancellationToken)
                    .ConfigureAwait(false);

                var applied = 0;
                foreach (var migration in Migrations)
                {
                    if (migration.Version <= current)
                    {
                        continue;
                    }

                    await ExecuteScalarAsync<object>(
                        connection, transaction, migration.Sql.Replace(SchemaToken, quoted, StringComparison.Ordinal), timeoutSeconds, null, cancellationToken)
                        .ConfigureAwait(false);
                    await ExecuteScalarAsync<object>(
                        connection,
                        transaction,
                        $"INSERT INTO {quoted}.schema_version (version, name) VALUES (@version, @name)",
                        timeoutSeconds,
                        [new NpgsqlParameter<int>("version", migration.Version), new NpgsqlParameter<string>("name", migration.Name)],
                        cancellationToken).ConfigureAwait(false);
                    applied++;
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return applied;
            }
        }
    }

    /// <summary>Quotes a validated lower-case identifier.</summary>
    internal static string Quote(string identifier) => "\"" + identifier + "\"";

    private static async Task<T?> ExecuteScalarAsync<T>(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string sql,
        int timeoutSeconds,
        NpgsqlParameter[]? parameters,
        CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = timeoutSeconds };
        await using (command.ConfigureAwait(false))
        {
            if (parameters is not null)
            {
                command.Parameters.AddRange(parameters);
            }

            var result = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return result is null or DBNull ? default : (T)Convert.ChangeType(result, typeof(T), CultureInfo.InvariantCulture);
        }
    }

    private static Migration[] Load()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal) || !resource.EndsWith(ResourceSuffix, StringComparison.Ordinal))
            {
                continue;
            }

            var name = resource[ResourcePrefix.Length..^ResourceSuffix.Length];
            var underscore = name.IndexOf('_', StringComparison.Ordinal);
            var version = int.Parse(name.AsSpan(0, underscore), NumberStyles.None, CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            migrations.Add(new Migration(version, name, reader.ReadToEnd()));
        }

        if (migrations.Count == 0)
        {
            throw new InvalidOperationException("The assembly carries no migrations: " + assembly.FullName);
        }

        migrations.Sort(static (a, b) => a.Version.CompareTo(b.Version));
        return [.. migrations];
    }

    /// <summary>One embedded migration.</summary>
    internal sealed record Migration(int Version, string Name, string Sql);
}
