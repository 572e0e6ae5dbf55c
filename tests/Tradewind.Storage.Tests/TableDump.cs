using System.Globalization;
using System.Text;
using Dapper;

namespace Tradewind.Storage.Tests;

/// <summary>Every row of some tables as sorted text, to prove that an operation left a database exactly as it was.</summary>
public static class TableDump
{
    public static readonly string[] AllocatorTables = ["daily_signals", "executions", "trades", "portfolio", "cash_ledger"];

    public static async Task<string> DumpAsync(TradewindDatabase database, params string[] tables)
    {
        var dump = new StringBuilder();
        await using var connection = await database.ConnectAsync();
        foreach (var table in tables)
        {
            var rows = new List<string>();
            await using var reader = await connection.ExecuteReaderAsync($"SELECT * FROM {table}");
            while (await reader.ReadAsync())
            {
                rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount)
                    .Select(i => reader.IsDBNull(i) ? "NULL" : $"{reader.GetName(i)}={Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)}")));
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
}
