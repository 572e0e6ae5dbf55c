using System.Data.Common;
using System.Globalization;
using System.Text;
using Tradewind.Storage;
using Tradewind.Storage.Connections;

namespace Tradewind.Jobs.Tests;

/// <summary>
/// Every row of every table of a database as sorted text, to prove that a job left the database exactly as it was.
/// The tables are listed from the catalog, so a table added by a later migration is dumped too.
/// </summary>
public static class TableDump
{
    /// <summary>The tables the allocator's daily jobs write; each dump must include them.</summary>
    public static readonly string[] DailyJobTables = ["price_history", "daily_signals", "trades", "portfolio", "cash_ledger", "executions", "trading_config"];

    public static async Task<IReadOnlyList<string>> TablesAsync(TradewindDatabase database)
    {
        await using var connection = await database.ConnectAsync(TestContext.Current.CancellationToken);
        return await TablesAsync(connection, database.Dialect);
    }

    public static async Task<string> DumpAsync(TradewindDatabase database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connection = await database.ConnectAsync(ct);
        var tables = await TablesAsync(connection, database.Dialect);
        var missing = DailyJobTables.Except(tables).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"the database has no table {string.Join(", ", missing)}: the dump would prove nothing about it");
        }

        var dump = new StringBuilder();
        foreach (var table in tables)
        {
            var rows = new List<string>();
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table}";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount)
                    .Select(i => $"{reader.GetName(i)}={(reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))}")));
            }

            rows.Sort(StringComparer.Ordinal);
            dump.Append(table).Append(" (").Append(rows.Count).AppendLine(" rows)");
            foreach (var row in rows)
            {
                dump.AppendLine(row);
            }
        }

        return dump.ToString();
    }

    /// <summary>The number of rows of <paramref name="table"/>.</summary>
    public static async Task<long> CountAsync(TradewindDatabase database, string table)
    {
        await using var connection = await database.ConnectAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), CultureInfo.InvariantCulture);
    }

    private static async Task<IReadOnlyList<string>> TablesAsync(DbConnection connection, DatabaseDialect dialect)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = dialect == DatabaseDialect.Sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name";
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            tables.Add(reader.GetString(0));
        }

        tables.Sort(StringComparer.Ordinal);
        return tables;
    }
}
