namespace PerformanceAnalytics.Storage.Sqlite.Internal;

/// <summary>One versioned schema migration.</summary>
/// <param name="Version">The version it brings the schema to; versions are consecutive from 1.</param>
/// <param name="Name">A short name, recorded in <c>schema_version</c>.</param>
/// <param name="Sql">The statements; each is idempotent (<c>IF NOT EXISTS</c>) so that a re-run changes nothing.</param>
internal sealed record SqliteMigration(int Version, string Name, string Sql);
