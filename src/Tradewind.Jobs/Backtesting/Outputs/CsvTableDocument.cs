using System.Globalization;
using Tradewind.Core.Engine;

namespace Tradewind.Jobs.Backtesting.Outputs;

/// <summary>
/// A <see cref="BacktestTable"/> as CSV: a header of the column names, one line per row, LF line ends, invariant
/// numbers (amounts exact, figures in the shortest text that reads back to the same double), empty cells for nothing,
/// text quoted only when it holds a comma, a quote or a line break.
/// </summary>
public sealed class CsvTableDocument(BacktestTable table) : BacktestDocument
{
    /// <summary>The table written.</summary>
    public BacktestTable Table { get; } = table;

    /// <inheritdoc />
    public override string Name => $"{BacktestTables.Name(Table)} CSV";

    /// <inheritdoc />
    public override string ContentType => "text/csv";

    /// <inheritdoc />
    public override Task RenderAsync(BacktestResult result, BacktestSummary summary, TextWriter writer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(string.Join(',', BacktestTables.Columns(Table)));
        writer.Write('\n');
        BacktestTables.Write(Table, result, new Sink(writer));
        return Task.CompletedTask;
    }

    private sealed class Sink(TextWriter writer) : ITableSink
    {
        private readonly char[] _buffer = new char[64];
        private bool _first = true;

        public void Text(string? value)
        {
            Separate();
            if (value is null)
            {
                return;
            }

            if (value.AsSpan().IndexOfAny(",\"\n\r") < 0)
            {
                writer.Write(value);
                return;
            }

            writer.Write('"');
            writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
            writer.Write('"');
        }

        public void Number(decimal? value)
        {
            Separate();
            if (value is { } v && BacktestSummary.Exact(v).TryFormat(_buffer, out var written, default, CultureInfo.InvariantCulture))
            {
                writer.Write(_buffer, 0, written);
            }
        }

        public void Number(double? value)
        {
            Separate();
            if (value is { } v && v.TryFormat(_buffer, out var written, "R", CultureInfo.InvariantCulture))
            {
                writer.Write(_buffer, 0, written);
            }
        }

        public void Integer(long? value)
        {
            Separate();
            if (value is { } v && v.TryFormat(_buffer, out var written, default, CultureInfo.InvariantCulture))
            {
                writer.Write(_buffer, 0, written);
            }
        }

        public void EndRow()
        {
            writer.Write('\n');
            _first = true;
        }

        private void Separate()
        {
            if (!_first)
            {
                writer.Write(',');
            }

            _first = false;
        }
    }
}
