using Npgsql;
using PerformanceAnalytics.Storage.PostgreSql;

namespace PerformanceAnalytics.Storage.Tests.PostgreSql;

/// <summary>
/// The PostgreSQL server the tests use, named by the PA_POSTGRES_CONNECTION environment variable (.ci/run sets it).
/// Without it the tests are ignored, except under CI=true, where a missing server is a failure. Every store gets a
/// fresh schema that is dropped afterwards, so parallel and repeated runs never collide.
/// </summary>
internal static class PostgreSqlTestEnvironment
{
    public const string Variable = "PA_POSTGRES_CONNECTION";

    public static string RequireConnectionString()
    {
        var connectionString = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return connectionString;
        }

        var message = $"{Variable} is not set; PostgreSQL store tests need a server (for example "
            + "\"Host=127.0.0.1;Port=5432;Username=pa_ci;Password=pa_ci;Database=pa_ci\", as .ci/run sets up).";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message);
        }

        Assert.Ignore(message);
        return string.Empty;
    }

    public static string NewSchemaName(string prefix) => $"{prefix}_{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    public static async Task DropSchemaAsync(NpgsqlDataSource dataSource, string schema)
    {
        await using var command = dataSource.CreateCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE");
        await command.ExecuteNonQueryAsync();
    }

    public static PostgreSqlEngagementStore CreateStore(NpgsqlDataSource dataSource, string schema)
        => new(dataSource, new PostgreSqlStoreOptions { Schema = schema });

    /// <summary>Runs raw SQL in one transaction with the tenant set, as an application on the same role would.</summary>
    public static async Task<T> AsTenantAsync<T>(NpgsqlDataSource dataSource, string? tenant, Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> action)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        if (tenant is not null)
        {
            await using var set = new NpgsqlCommand("SELECT set_config('pa.tenant_id', @t, true)", connection, transaction);
            set.Parameters.AddWithValue("t", tenant);
            await set.ExecuteNonQueryAsync();
        }

        var result = await action(connection, transaction);
        await transaction.RollbackAsync();
        return result;
    }
}
