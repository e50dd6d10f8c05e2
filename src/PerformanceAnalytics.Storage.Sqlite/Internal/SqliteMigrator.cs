using System.Globalization;
using Microsoft.Data.Sqlite;

namespace PerformanceAnalytics.Storage.Sqlite.Internal;

/// <summary>Switches a database to WAL and applies the pending migrations in one write transaction.</summary>
internal static class SqliteMigrator
{
    /// <summary>Brings the database to <see cref="SqliteMigrations.Latest"/>.</summary>
    /// <param name="connection">An open connection.</param>
    /// <param name="migrations">The migrations, in version order.</param>
    /// <returns>The number of migrations applied (0 when the schema was current).</returns>
    /// <exception cref="InvalidOperationException">
    /// The database is not in WAL mode after the switch, or its schema is newer than this version of the store knows.
    /// </exception>
    public static int Migrate(SqliteConnection connection, IReadOnlyList<SqliteMigration> migrations)
    {
        // journal_mode is persistent in the file and cannot change inside a transaction.
        using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            var mode = Convert.ToString(wal.ExecuteScalar(), CultureInfo.InvariantCulture);
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"The SQLite database could not switch to WAL mode (journal_mode is '{mode}').");
            }
        }

        // BEGIN IMMEDIATE: concurrent initialisers (other processes) queue on the write lock and then see the
        // versions the first one recorded.
        using var transaction = connection.BeginTransaction(deferred: false);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS schema_version (
                version        INTEGER PRIMARY KEY,
                name           TEXT NOT NULL,
                applied_at_utc TEXT NOT NULL
            );
            SELECT COALESCE(MAX(version), 0) FROM schema_version;
            """;
        var current = Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        var latest = migrations.Count == 0 ? 0 : migrations[^1].Version;
        if (current > latest)
        {
            throw new InvalidOperationException(
                $"The SQLite database has schema version {current}, newer than the {latest} this version of the store knows; upgrade the package.");
        }

        var applied = 0;
        foreach (var migration in migrations)
        {
            if (migration.Version <= current)
            {
                continue;
            }

            command.Parameters.Clear();
            command.CommandText = migration.Sql;
            command.ExecuteNonQuery();

            command.CommandText = """
                INSERT INTO schema_version (version, name, applied_at_utc)
                VALUES ($version, $name, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
                """;
            command.Parameters.AddWithValue("$version", migration.Version);
            command.Parameters.AddWithValue("$name", migration.Name);
            command.ExecuteNonQuery();
            applied++;
        }

        transaction.Commit();
        return applied;
    }
}
