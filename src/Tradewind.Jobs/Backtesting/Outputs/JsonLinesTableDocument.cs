using System.Buffers;
using System.Text;
using System.Text.Json;
using Tradewind.Core.Engine;

namespace Tradewind.Jobs.Backtesting.Outputs;

/// <summary>
/// A <see cref="BacktestTable"/> as JSON lines: one JSON object per row with the CSV's column names as keys, numbers
/// as JSON numbers, empty cells as null. Chosen when the output path ends in <c>.jsonl</c>.
/// </summary>
public sealed class JsonLinesTableDocument(BacktestTable table) : BacktestDocument
{
    /// <summary>The table written.</summary>
    public BacktestTable Table { get; } = table;

    /// <inheritdoc />
    public override string Name => $"{BacktestTables.Name(Table)} JSON lines";

    /// <inheritdoc />
    public override string ContentType => "application/x-ndjson";

    /// <inheritdoc />
    public override Task RenderAsync(BacktestResult result, BacktestSummary summary, TextWriter writer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        var sink = new Sink(writer, BacktestTables.Columns(Table));
        BacktestTables.Write(Table, result, sink);
        sink.Dispose();
        return Task.CompletedTask;
    }

    private sealed class Sink : ITableSink, IDisposable
    {
        private readonly TextWriter _writer;
        private readonly JsonEncodedText[] _names;
        private readonly ArrayBufferWriter<byte> _buffer = new(512);
        private readonly Utf8JsonWriter _json;
        private int _column;

        public Sink(TextWriter writer, IReadOnlyList<string> columns)
        {
            _writer = writer;
            _names = columns.Select(c => JsonEncodedText.Encode(c)).ToArray();
            _json = new Utf8JsonWriter(_buffer);
        }

        public void Text(string? value)
        {
            var name = Next();
            if (value is null)
            {
                _json.WriteNull(name);
            }
            else
            {
                _json.WriteString(name, value);
            }
        }

        public void Number(decimal? value)
        {
            var name = Next();
            if (value is { } v)
            {
                _json.WriteNumber(name, BacktestSummary.Exact(v));
            }
            else
            {
                _json.WriteNull(name);
            }
        }

        public void Number(double? value)
        {
            var name = Next();
            if (value is { } v)
            {
                _json.WriteNumber(name, v);
            }
            else
            {
                _json.WriteNull(name);
            }
        }

        public void Integer(long? value)
        {
            var name = Next();
            if (value is { } v)
            {
                _json.WriteNumber(name, v);
            }
            else
            {
                _json.WriteNull(name);
            }
        }

        public void EndRow()
        {
            _json.WriteEndObject();
            _json.Flush();
            _writer.Write(Encoding.UTF8.GetString(_buffer.WrittenSpan));
            _writer.Write('\n');
            _buffer.ResetWrittenCount();
            _json.Reset();
            _column = 0;
        }

        public void Dispose() => _json.Dispose();

        private JsonEncodedText Next()
        {
            if (_column == 0)
            {
                _json.WriteStartObject();
            }

            return _names[_column++];
        }
    }
}
